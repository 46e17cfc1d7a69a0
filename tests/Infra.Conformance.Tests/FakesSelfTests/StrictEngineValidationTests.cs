using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Infra.Conformance.Tests.Fakes;
using Infra.Protocol;
using Infra.Protocol.Rpc;

namespace Infra.Conformance.Tests.FakesSelfTests;

/// <summary>One test per RegisterResource field rule, each asserting the exact violation text.</summary>
public sealed class StrictEngineValidationTests
{
    private const string StackUrn = "urn:pulumi:dev::proj::pulumi:pulumi:Stack::proj-dev";
    private const string ExistingUrn = "urn:pulumi:dev::proj::random:index:RandomId::existing";
    private const string ProviderUrn = "urn:pulumi:dev::proj::pulumi:providers:random::p";
    private const string Subject = "RegisterResource [random:index:RandomId::id]";

    [Fact]
    public async Task RegisterResource_CustomTypeWithTwoParts_IsRejected()
    {
        // Arrange
        await using var probe = await ValidationProbe.StartAsync();
        var request = probe.Request();
        request.Type = "random:RandomId";

        // Act
        var result = await probe.RegisterAsync(request);

        // Assert
        AssertRejected(result, "RegisterResource [random:RandomId::id] type: custom and remote resources need three non-empty parts 'pkg:module:Type' (was 'random:RandomId')");
    }

    [Fact]
    public async Task RegisterResource_ComponentTypeWithTwoParts_IsAccepted()
    {
        // Arrange
        await using var probe = await ValidationProbe.StartAsync();
        var request = probe.Session.ComponentRequest("my:Widget", "w");

        // Act
        var result = await probe.RegisterAsync(request);

        // Assert
        Assert.Empty(result.Violations);
        Assert.Null(result.Error);
    }

    [Fact]
    public async Task RegisterResource_BeforeTheStack_IsReported()
    {
        // Arrange
        await using var session = await EngineSession.StartAsync();
        var request = session.CustomRequest(ValidationProbe.ResourceType, "id", parent: "");

        // Act
        await session.RegisterAsync(request);

        // Assert
        Assert.Equal(
            [
                $"{Subject} type: the root stack pulumi:pulumi:Stack must be registered before any other resource (was 'random:index:RandomId')",
                $"{Subject} parent: must be the parent's URN (the stack URN when no other parent); '' is only for the root stack (was '')",
            ],
            session.Engine.Violations.Select(v => v.Message));
    }

    [Fact]
    public async Task RegisterResource_StackWithWrongName_IsReported()
    {
        // Arrange
        await using var session = await EngineSession.StartAsync();
        var request = session.StackRequest();
        request.Name = "dev";

        // Act
        await session.RegisterAsync(request);

        // Assert
        Assert.Equal(
            "RegisterResource [pulumi:pulumi:Stack::dev] name: the root stack must be named '<project>-<stack>' = 'proj-dev' (was 'dev')",
            Assert.Single(session.Engine.Violations).Message);
    }

    [Fact]
    public async Task RegisterResource_StackWithParent_IsReported()
    {
        // Arrange
        await using var probe = await ValidationProbe.StartAsync();
        var request = probe.Session.StackRequest();
        request.Name = "other";
        request.Parent = ExistingUrn;

        // Act
        var result = await probe.RegisterAsync(request);

        // Assert
        Assert.Contains($"RegisterResource [pulumi:pulumi:Stack::other] parent: the root stack must have parent '' (was '{ExistingUrn}')", result.Violations);
    }

    [Fact]
    public async Task RegisterResource_EmptyName_IsRejected()
    {
        // Arrange
        await using var probe = await ValidationProbe.StartAsync();
        var request = probe.Request();
        request.Name = "";

        // Act
        var result = await probe.RegisterAsync(request);

        // Assert
        AssertRejected(result, "RegisterResource [random:index:RandomId::] name: must not be empty (was '')");
    }

    [Fact]
    public async Task RegisterResource_EmptyParentForNonStack_IsReported()
    {
        // Arrange
        await using var probe = await ValidationProbe.StartAsync();
        var request = probe.Request();
        request.Parent = "";

        // Act
        var result = await probe.RegisterAsync(request);

        // Assert
        AssertTolerated(result, $"{Subject} parent: must be the parent's URN (the stack URN when no other parent); '' is only for the root stack (was '')");
    }

    [Theory]
    [InlineData("urn:pulumi:dev::proj::my:comp:Web")]
    [InlineData("dev::proj::my:comp:Web::web")]
    [InlineData("urn:pulumi:dev::proj::::web")]
    public async Task RegisterResource_MalformedParent_IsRejected(string parent)
    {
        // Arrange
        await using var probe = await ValidationProbe.StartAsync();
        var request = probe.Request();
        request.Parent = parent;

        // Act
        var result = await probe.RegisterAsync(request);

        // Assert
        AssertRejected(result, $"{Subject} parent: must be a strictly valid URN 'urn:pulumi:<stack>::<project>::<type>::<name>' (was '{parent}')");
    }

    [Fact]
    public async Task RegisterResource_UnregisteredParent_IsRejected()
    {
        // Arrange
        await using var probe = await ValidationProbe.StartAsync();
        var request = probe.Request();
        request.Parent = "urn:pulumi:dev::proj::my:comp:Web::web";

        // Act
        var result = await probe.RegisterAsync(request);

        // Assert
        AssertRejected(result, $"{Subject} parent: must be the URN of an already registered resource (was 'urn:pulumi:dev::proj::my:comp:Web::web')");
    }

    [Fact]
    public async Task RegisterResource_EmptyDependency_IsRejected()
    {
        // Arrange
        await using var probe = await ValidationProbe.StartAsync();
        var request = probe.Request();
        request.Dependencies.Add("");

        // Act
        var result = await probe.RegisterAsync(request);

        // Assert
        AssertRejected(result, $"{Subject} dependencies[0]: must not be empty (never send '' as a URN) (was '')");
    }

    [Fact]
    public async Task RegisterResource_UnregisteredDependency_IsRejected()
    {
        // Arrange
        await using var probe = await ValidationProbe.StartAsync();
        var request = probe.Request();
        request.Dependencies.Add(ExistingUrn);
        request.Dependencies.Add("urn:pulumi:dev::proj::random:index:RandomId::later");

        // Act
        var result = await probe.RegisterAsync(request);

        // Assert
        AssertRejected(result, $"{Subject} dependencies[1]: must be the URN of an already registered resource (was 'urn:pulumi:dev::proj::random:index:RandomId::later')");
    }

    [Fact]
    public async Task RegisterResource_DependencyOnTheStack_IsReported()
    {
        // Arrange
        await using var probe = await ValidationProbe.StartAsync();
        var request = probe.Request();
        request.Dependencies.Add(StackUrn);

        // Act
        var result = await probe.RegisterAsync(request);

        // Assert
        AssertTolerated(result, $"{Subject} dependencies[0]: must not name the root stack (depending on the stack is meaningless) (was '{StackUrn}')");
    }

    [Fact]
    public async Task RegisterResource_PropertyDependencyKeyNotInObject_IsReported()
    {
        // Arrange
        await using var probe = await ValidationProbe.StartAsync();
        var request = probe.Request();
        request.PropertyDependencies["ghost"] = new RegisterResourceRequest.Types.PropertyDependencies();

        // Act
        var result = await probe.RegisterAsync(request);

        // Assert
        AssertTolerated(result, $"{Subject} propertyDependencies[ghost]: keys must be input properties present in object (was 'ghost')");
    }

    [Fact]
    public async Task RegisterResource_PropertyDependencyNotInDependencies_IsReported()
    {
        // Arrange
        await using var probe = await ValidationProbe.StartAsync();
        var request = probe.Request();
        request.Object.Fields["seed"] = Value.ForString("x");
        request.PropertyDependencies["seed"] = new RegisterResourceRequest.Types.PropertyDependencies { Urns = { ExistingUrn } };

        // Act
        var result = await probe.RegisterAsync(request);

        // Assert
        AssertTolerated(result, $"{Subject} propertyDependencies[seed][0]: every property dependency must also be listed in dependencies (was '{ExistingUrn}')");
    }

    [Fact]
    public async Task RegisterResource_MalformedPropertyDependencyUrn_IsRejected()
    {
        // Arrange
        await using var probe = await ValidationProbe.StartAsync();
        var request = probe.Request();
        request.Object.Fields["seed"] = Value.ForString("x");
        request.PropertyDependencies["seed"] = new RegisterResourceRequest.Types.PropertyDependencies { Urns = { "existing" } };

        // Act
        var result = await probe.RegisterAsync(request);

        // Assert
        Assert.Equal(StatusCode.InvalidArgument, result.Error?.StatusCode);
        Assert.Contains($"{Subject} propertyDependencies[seed][0]: must be a strictly valid URN 'urn:pulumi:<stack>::<project>::<type>::<name>' (was 'existing')", result.Violations);
    }

    [Fact]
    public async Task RegisterResource_DeletedWithUnregisteredUrn_IsRejected()
    {
        // Arrange
        await using var probe = await ValidationProbe.StartAsync();
        var request = probe.Request();
        request.DeletedWith = "urn:pulumi:dev::proj::random:index:RandomId::gone";

        // Act
        var result = await probe.RegisterAsync(request);

        // Assert
        AssertRejected(result, $"{Subject} deletedWith: must be the URN of an already registered resource (was 'urn:pulumi:dev::proj::random:index:RandomId::gone')");
    }

    [Fact]
    public async Task RegisterResource_DeletedWithoutProbingTheFeature_IsReported()
    {
        // Arrange
        await using var probe = await ValidationProbe.StartAsync(probeFeatures: false);
        var request = probe.Request();
        request.DeletedWith = ExistingUrn;

        // Act
        var result = await probe.RegisterAsync(request);

        // Assert
        AssertTolerated(result, $"{Subject} deletedWith: needs SupportsFeature('deletedWith') probed true (was '{ExistingUrn}')");
    }

    [Fact]
    public async Task RegisterResource_MalformedAliasUrn_IsRejected()
    {
        // Arrange
        await using var probe = await ValidationProbe.StartAsync();
        var request = probe.Request();
        request.AliasURNs.Add("old-name");

        // Act
        var result = await probe.RegisterAsync(request);

        // Assert
        AssertRejected(result, $"{Subject} aliasURNs[0]: must be a strictly valid URN 'urn:pulumi:<stack>::<project>::<type>::<name>' (was 'old-name')");
    }

    [Fact]
    public async Task RegisterResource_ProviderWithoutIdPart_IsRejected()
    {
        // Arrange
        await using var probe = await ValidationProbe.StartAsync();
        var request = probe.Request();
        request.Provider = "provider-p";

        // Act
        var result = await probe.RegisterAsync(request);

        // Assert
        AssertRejected(result, $"{Subject} provider: must be '<providerURN>::<providerID>' (was 'provider-p')");
    }

    [Fact]
    public async Task RegisterResource_ProviderUrnOnly_IsRejectedBecauseTheLastSeparatorSplitsTheUrn()
    {
        // Arrange
        await using var probe = await ValidationProbe.StartAsync();
        var request = probe.Request();
        request.Provider = ProviderUrn;

        // Act
        var result = await probe.RegisterAsync(request);

        // Assert
        AssertRejected(result, $"{Subject} provider: the part before the last '::' must be a strictly valid URN 'urn:pulumi:<stack>::<project>::<type>::<name>' (was '{ProviderUrn}')");
    }

    [Fact]
    public async Task RegisterResource_UnregisteredProvider_IsRejected()
    {
        // Arrange
        await using var probe = await ValidationProbe.StartAsync();
        var request = probe.Request();
        request.Provider = "urn:pulumi:dev::proj::pulumi:providers:random::q::" + WireConstants.UnknownStringSentinel;

        // Act
        var result = await probe.RegisterAsync(request);

        // Assert
        AssertRejected(result, $"{Subject} provider: the part before the last '::' must be the URN of an already registered provider (was '{request.Provider}')");
    }

    [Fact]
    public async Task RegisterResource_ProviderReferenceToNonProvider_IsRejected()
    {
        // Arrange
        await using var probe = await ValidationProbe.StartAsync();
        var request = probe.Request();
        request.Provider = ExistingUrn + "::abc";

        // Act
        var result = await probe.RegisterAsync(request);

        // Assert
        AssertRejected(result, $"{Subject} provider: must reference a provider resource (type pulumi:providers:<pkg>) (was '{ExistingUrn}::abc')");
    }

    [Fact]
    public async Task RegisterResource_ProviderWithEmptyId_IsReported()
    {
        // Arrange
        await using var probe = await ValidationProbe.StartAsync();
        var request = probe.Request();
        request.Provider = ProviderUrn + "::";

        // Act
        var result = await probe.RegisterAsync(request);

        // Assert
        AssertTolerated(result, $"{Subject} provider: the ID part must be the provider's ID or the unknown sentinel, never empty (was '{ProviderUrn}::')");
    }

    [Fact]
    public async Task RegisterResource_ProviderWithWrongId_IsReported()
    {
        // Arrange
        await using var probe = await ValidationProbe.StartAsync(new StrictEngineOptions { IsPreview = false });
        var request = probe.Request();
        request.Provider = ProviderUrn + "::not-the-id";

        // Act
        var result = await probe.RegisterAsync(request);

        // Assert
        AssertTolerated(result, $"{Subject} provider: the ID part must be the provider's ID '{probe.Provider.Id}' or the unknown sentinel (was '{ProviderUrn}::not-the-id')");
    }

    [Fact]
    public async Task RegisterResource_ProviderOfAnotherPackage_IsReported()
    {
        // Arrange
        await using var probe = await ValidationProbe.StartAsync();
        var request = probe.Session.CustomRequest("tls:index:PrivateKey", "key");
        request.Provider = probe.ProviderReference;

        // Act
        var result = await probe.RegisterAsync(request);

        // Assert
        AssertTolerated(result, $"RegisterResource [tls:index:PrivateKey::key] provider: must reference a provider of package 'tls' (was '{probe.ProviderReference}')");
    }

    [Fact]
    public async Task RegisterResource_ProvidersMapEntryMalformed_IsRejected()
    {
        // Arrange
        await using var probe = await ValidationProbe.StartAsync();
        var request = probe.Session.ComponentRequest("my:comp:Web", "web");
        request.Providers["random"] = "p";

        // Act
        var result = await probe.RegisterAsync(request);

        // Assert
        AssertRejected(result, "RegisterResource [my:comp:Web::web] providers[random]: must be '<providerURN>::<providerID>' (was 'p')");
    }

    [Fact]
    public async Task RegisterResource_ProviderResourceNotCustom_IsReported()
    {
        // Arrange
        await using var probe = await ValidationProbe.StartAsync();
        var request = probe.Session.ComponentRequest("pulumi:providers:tls", "tls");

        // Act
        var result = await probe.RegisterAsync(request);

        // Assert
        AssertTolerated(result, "RegisterResource [pulumi:providers:tls::tls] custom: provider resources must be registered with custom=true (was false)");
    }

    [Theory]
    [InlineData("v4.18.1")]
    [InlineData("4.18")]
    [InlineData("04.1.0")]
    [InlineData("4.18.1\n")]
    public async Task RegisterResource_VersionNotStrictSemver_IsRejected(string version)
    {
        // Arrange
        await using var probe = await ValidationProbe.StartAsync();
        var request = probe.Request();
        request.Version = version;

        // Act
        var result = await probe.RegisterAsync(request);

        // Assert
        AssertRejected(result, $"{Subject} version: must be strict semver without a leading 'v' (e.g. '4.18.1') (was '{version}')");
    }

    [Fact]
    public async Task RegisterResource_AcceptSecretsFalse_IsReported()
    {
        // Arrange
        await using var probe = await ValidationProbe.StartAsync();
        var request = probe.Request();
        request.AcceptSecrets = false;

        // Act
        var result = await probe.RegisterAsync(request);

        // Assert
        AssertTolerated(result, $"{Subject} acceptSecrets: must be true (otherwise secret outputs come back unwrapped) (was false)");
    }

    [Fact]
    public async Task RegisterResource_SupportsPartialValuesFalse_IsReported()
    {
        // Arrange
        await using var probe = await ValidationProbe.StartAsync();
        var request = probe.Request();
        request.SupportsPartialValues = false;

        // Act
        var result = await probe.RegisterAsync(request);

        // Assert
        AssertTolerated(result, $"{Subject} supportsPartialValues: must be true (otherwise top-level outputs containing unknowns are dropped) (was false)");
    }

    [Fact]
    public async Task RegisterResource_SupportsResultReportingFalse_IsReported()
    {
        // Arrange
        await using var probe = await ValidationProbe.StartAsync();
        var request = probe.Request();
        request.SupportsResultReporting = false;

        // Act
        var result = await probe.RegisterAsync(request);

        // Assert
        AssertTolerated(result, $"{Subject} supportsResultReporting: must be true (so failures come back as result=FAIL) (was false)");
    }

    [Fact]
    public async Task RegisterResource_AcceptResourcesFalse_IsReported()
    {
        // Arrange
        await using var probe = await ValidationProbe.StartAsync();
        var request = probe.Request();
        request.AcceptResources = false;

        // Act
        var result = await probe.RegisterAsync(request);

        // Assert
        AssertTolerated(result, $"{Subject} acceptResources: must be true (the engine supports resource references) (was false)");
    }

    [Fact]
    public async Task RegisterResource_DeleteBeforeReplaceWithoutDefined_IsReported()
    {
        // Arrange
        await using var probe = await ValidationProbe.StartAsync();
        var request = probe.Request();
        request.DeleteBeforeReplace = true;

        // Act
        var result = await probe.RegisterAsync(request);

        // Assert
        AssertTolerated(result, $"{Subject} deleteBeforeReplaceDefined: must be true when deleteBeforeReplace is true (was false)");
    }

    [Theory]
    [InlineData("5 minutes")]
    [InlineData("5")]
    [InlineData("PT5M")]
    public async Task RegisterResource_CustomTimeoutNotGoDuration_IsRejected(string duration)
    {
        // Arrange
        await using var probe = await ValidationProbe.StartAsync();
        var request = probe.Request();
        request.CustomTimeouts = new RegisterResourceRequest.Types.CustomTimeouts { Create = "5m", Update = duration, Delete = "1500000000ns" };

        // Act
        var result = await probe.RegisterAsync(request);

        // Assert
        AssertRejected(result, $"{Subject} customTimeouts.update: must be a Go duration such as '5m', '300s' or '1500000000ns' (was '{duration}')");
    }

    [Fact]
    public async Task RegisterResource_NameWithDoubleColon_IsReported()
    {
        // Arrange
        await using var probe = await ValidationProbe.StartAsync();
        var request = probe.Request();
        request.Name = "a::b";

        // Act
        var result = await probe.RegisterAsync(request);

        // Assert
        AssertTolerated(result, "RegisterResource [random:index:RandomId::a::b] name: must not contain '::' (it is the URN delimiter) (was 'a::b')");
    }

    [Fact]
    public async Task RegisterResource_AfterShutdown_IsReportedAndRejectedAsUnavailable()
    {
        // Arrange
        await using var probe = await ValidationProbe.StartAsync();
        await probe.Session.RegisterOutputsAsync(StackUrn);
        await probe.Session.ShutdownAsync();
        var sequence = probe.Session.Engine.Requests.Count;

        // Act
        var result = await probe.RegisterAsync(probe.Request());

        // Assert
        Assert.Equal(StatusCode.Unavailable, result.Error?.StatusCode);
        Assert.Equal([$"{Subject} request: every request must arrive before SignalAndWaitForShutdown (was request #{sequence})"], result.Violations);
    }

    internal static void AssertRejected((IReadOnlyList<string> Violations, RpcException? Error) result, string expected)
    {
        Assert.Equal([expected], result.Violations);
        Assert.NotNull(result.Error);
        Assert.Equal(StatusCode.InvalidArgument, result.Error.StatusCode);
        Assert.Equal(expected, result.Error.Status.Detail);
    }

    internal static void AssertTolerated((IReadOnlyList<string> Violations, RpcException? Error) result, string expected)
    {
        Assert.Equal([expected], result.Violations);
        Assert.Null(result.Error);
    }
}
