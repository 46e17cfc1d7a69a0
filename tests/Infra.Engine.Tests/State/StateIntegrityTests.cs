using System.Collections.Immutable;
using Infra.Engine.State;

namespace Infra.Engine.Tests.State;

public sealed class StateIntegrityTests
{
    private const string A = "urn:pulumi:dev::proj::command:local:Command::a";
    private const string B = "urn:pulumi:dev::proj::command:local:Command::b";
    private const string Missing = "urn:pulumi:dev::proj::command:local:Command::ghost";

    private static ResourceState Plain(string urn) => new()
    {
        Urn = urn,
        Type = "command:local:Command",
        Custom = true,
        Id = "id",
        Parent = StateTestData.StackUrn,
    };

    private static StateIntegrityException Throws(StackSnapshot snapshot) =>
        Assert.Throws<StateIntegrityException>(() => StateIntegrity.ThrowIfInvalid(snapshot, "the state of stack 'organization/proj/dev'"));

    [Fact]
    public void Check_ValidSnapshot_HasNoViolations()
    {
        // Arrange
        var snapshot = StateTestData.ValidSnapshot();

        // Act
        var violations = StateIntegrity.Check(snapshot);

        // Assert
        Assert.Empty(violations);
    }

    [Fact]
    public void ThrowIfInvalid_MagicMismatch_NamesExpectedCookie()
    {
        // Arrange
        var snapshot = StateTestData.ValidSnapshot() with { Manifest = StateTestData.ValidSnapshot().Manifest with { Magic = "0000" } };

        // Act
        var exception = Throws(snapshot);

        // Assert
        Assert.Equal(
            "snapshot integrity failure: the state of stack 'organization/proj/dev' breaks 1 rule(s):\n"
            + $"  - manifest: magic cookie mismatch: manifest.magic '0000' is not the SHA-256 of manifest.version 'v3.140.0' (expected '{StateTestData.VersionMagic}'); possible tampering or corruption [magic-cookie]",
            exception.Message);
    }

    [Fact]
    public void Check_EmptyVersionAndMagic_IsValid()
    {
        // Arrange
        var snapshot = StateTestData.Snapshot() with { Manifest = new SnapshotManifest { Time = StateTestData.Time, Version = string.Empty, Magic = string.Empty } };

        // Act
        var violations = StateIntegrity.Check(snapshot);

        // Assert
        Assert.Empty(violations);
    }

    [Fact]
    public void ThrowIfInvalid_EveryResourceRuleBroken_ListsAllViolations()
    {
        // Arrange
        var noUrn = new ResourceState { Urn = string.Empty, Type = string.Empty, Custom = true };
        var componentWithId = new ResourceState { Urn = "urn:pulumi:dev::proj::my:Component::c", Type = "my:Component", Custom = false, Id = "oops", Parent = StateTestData.StackUrn };
        var providerWithoutId = StateTestData.Provider() with { Urn = "urn:pulumi:dev::proj::pulumi:providers:tls::p", Id = null };
        var badProviderRef = Plain("urn:pulumi:dev::proj::command:local:Command::badref") with { Provider = "not-a-reference" };
        var missingProvider = Plain("urn:pulumi:dev::proj::command:local:Command::noprov") with { Provider = "urn:pulumi:dev::proj::pulumi:providers:x::q::id9" };
        var early = Plain(A) with
        {
            Parent = B,
            Dependencies = [B, Missing],
            PropertyDependencies = ImmutableSortedDictionary<string, ImmutableArray<string>>.Empty.Add("create", [B]).Add("dir", [Missing]),
            DeletedWith = Missing,
            Provider = "urn:pulumi:dev::proj::pulumi:providers:late::p::pid",
        };
        var lateProvider = new ResourceState { Urn = "urn:pulumi:dev::proj::pulumi:providers:late::p", Type = "pulumi:providers:late", Custom = true, Id = "pid", Parent = StateTestData.StackUrn };
        var b = Plain(B);
        var duplicate1 = Plain("urn:pulumi:dev::proj::command:local:Command::dup");
        var duplicate2 = Plain("urn:pulumi:dev::proj::command:local:Command::dup");
        var snapshot = StateTestData.Snapshot(
            StateTestData.Stack(), noUrn, componentWithId, providerWithoutId, badProviderRef, missingProvider, early, lateProvider, b, duplicate1, duplicate2);

        // Act
        var exception = Throws(snapshot);

        // Assert
        var expected = string.Join(
            "\n",
            "snapshot integrity failure: the state of stack 'organization/proj/dev' breaks 14 rule(s):",
            "  - resources[1]: urn is missing (every resource needs one) [urn-required]",
            "  - resources[1]: type is missing (every resource needs one) [type-required]",
            "  - urn:pulumi:dev::proj::my:Component::c: id 'oops' is set on a non-custom resource (only custom resources may have an id) [id-on-component]",
            "  - urn:pulumi:dev::proj::pulumi:providers:tls::p: provider resource has no id, so it cannot be referenced (a provider needs a URN and an id) [provider-referenceable]",
            "  - urn:pulumi:dev::proj::command:local:Command::badref: provider 'not-a-reference' is not a provider reference of the form <providerURN>::<providerID> [provider-reference]",
            "  - urn:pulumi:dev::proj::command:local:Command::noprov: provider 'urn:pulumi:dev::proj::pulumi:providers:x::q::id9' refers to an unknown provider (no provider resource with that URN and id is in the resource list) [provider-missing]",
            $"  - {A}: provider 'urn:pulumi:dev::proj::pulumi:providers:late::p::pid' comes after it (a provider must appear earlier in the resource list) [provider-order]",
            $"  - {A}: parent '{B}' comes after it (it must appear earlier in the resource list) [parent-order]",
            $"  - {A}: dependency '{B}' comes after it (it must appear earlier in the resource list) [dependency-order]",
            $"  - {A}: dependency '{Missing}' is missing (no resource with that URN is in the resource list) [dependency-missing]",
            $"  - {A}: propertyDependencies['create'] '{B}' comes after it (it must appear earlier in the resource list) [property-dependency-order]",
            $"  - {A}: propertyDependencies['dir'] '{Missing}' is missing (no resource with that URN is in the resource list) [property-dependency-missing]",
            $"  - {A}: deletedWith '{Missing}' is missing (no resource with that URN is in the resource list) [deleted-with-missing]",
            "  - urn:pulumi:dev::proj::command:local:Command::dup: urn appears 2 times and 2 of the copies lack delete: true (a URN may repeat only when all copies but at most one have delete: true) [duplicate-urn]");
        Assert.Equal(expected, exception.Message);
        Assert.Equal(14, exception.Violations.Length);
    }

    [Fact]
    public void Check_ParentMissingAndDeletedWithAfter_ReportsEach()
    {
        // Arrange
        var orphan = Plain(A) with { Parent = Missing, DeletedWith = B };
        var snapshot = StateTestData.Snapshot(StateTestData.Stack(), orphan, Plain(B));

        // Act
        var violations = StateIntegrity.Check(snapshot);

        // Assert
        Assert.Equal(["parent-missing", "deleted-with-order"], violations.Select(v => v.Rule));
        Assert.All(violations, v => Assert.Equal(A, v.Urn));
    }

    [Fact]
    public void Check_DuplicateUrnWithDeleteCopies_IsValid()
    {
        // Arrange
        var old = Plain(A) with { Delete = true };
        var older = Plain(A) with { Delete = true, Id = "older" };
        var snapshot = StateTestData.Snapshot(StateTestData.Stack(), old, older, Plain(A));

        // Act
        var violations = StateIntegrity.Check(snapshot);

        // Assert
        Assert.Empty(violations);
    }

    [Fact]
    public void Check_PendingReplacementWithUnknownProvider_IsExempt()
    {
        // Arrange
        var pending = Plain(A) with { PendingReplacement = true, Provider = "urn:pulumi:dev::proj::pulumi:providers:x::gone::id" };
        var snapshot = StateTestData.Snapshot(StateTestData.Stack(), pending);

        // Act
        var violations = StateIntegrity.Check(snapshot);

        // Assert
        Assert.Empty(violations);
    }
}
