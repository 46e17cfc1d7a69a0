using System.Collections.Immutable;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Infra.Protocol;
using Infra.Protocol.Values;
using static Infra.Conformance.Tests.FakesSelfTests.ViolationAssert;

namespace Infra.Conformance.Tests.FakesSelfTests;

/// <summary>The rules for property Structs (pulumi-protocol.md §5), one test per rule.</summary>
public sealed class StrictEnginePropertyTests
{
    private const string ExistingUrn = "urn:pulumi:dev::proj::random:index:RandomId::existing";
    private const string Subject = "RegisterResource [random:index:RandomId::id]";

    [Fact]
    public async Task RegisterResource_NullObjectMember_IsReported()
    {
        // Arrange
        await using var probe = await ValidationProbe.StartAsync();
        var request = probe.Request();
        request.Object.Fields["tags"] = Value.ForStruct(EngineSession.Inputs(("env", Value.ForNull())));

        // Act
        var result = await probe.RegisterAsync(request);

        // Assert
        AssertTolerated(result, $"{Subject} object.tags.env: null-valued object members must be omitted (nulls are kept only inside lists) (was null)");
    }

    [Fact]
    public async Task RegisterResource_NullTopLevelMember_IsReported()
    {
        // Arrange
        await using var probe = await ValidationProbe.StartAsync();
        var request = probe.Request();
        request.Object.Fields["keepers"] = Value.ForNull();

        // Act
        var result = await probe.RegisterAsync(request);

        // Assert
        AssertTolerated(result, $"{Subject} object.keepers: null-valued object members must be omitted (nulls are kept only inside lists) (was null)");
    }

    [Fact]
    public async Task RegisterResource_NullInsideList_IsAccepted()
    {
        // Arrange
        await using var probe = await ValidationProbe.StartAsync();
        var request = probe.Request();
        request.Object.Fields["items"] = Value.ForList(Value.ForNumber(1), Value.ForNull());

        // Act
        var result = await probe.RegisterAsync(request);

        // Assert
        Assert.Empty(result.Violations);
        Assert.Null(result.Error);
    }

    [Fact]
    public async Task RegisterResource_NonFiniteNumber_IsReported()
    {
        // Arrange
        await using var probe = await ValidationProbe.StartAsync();
        var request = probe.Request();
        request.Object.Fields["ratio"] = Value.ForList(Value.ForNumber(double.PositiveInfinity));

        // Act
        var result = await probe.RegisterAsync(request);

        // Assert
        AssertTolerated(result, $"{Subject} object.ratio[0]: numbers must be finite (NaN and infinity have no JSON form) (was Infinity)");
    }

    [Fact]
    public async Task RegisterResource_UnsetValueKind_IsRejected()
    {
        // Arrange
        await using var probe = await ValidationProbe.StartAsync();
        var request = probe.Request();
        request.Object.Fields["empty"] = new Value();

        // Act
        var result = await probe.RegisterAsync(request);

        // Assert
        AssertRejected(result, $"{Subject} object.empty: must be a google.protobuf.Value with its kind set (was <unset>)");
    }

    [Fact]
    public async Task RegisterResource_UnknownSignature_IsRejected()
    {
        // Arrange
        await using var probe = await ValidationProbe.StartAsync();
        var request = probe.Request();
        request.Object.Fields["odd"] = Value.ForStruct(EngineSession.Inputs((WireConstants.SignatureKey, Value.ForString("not-a-signature"))));

        // Act
        var result = await probe.RegisterAsync(request);

        // Assert
        AssertRejected(result, $"{Subject} object.odd: unknown special-object signature (was 'not-a-signature')");
    }

    [Fact]
    public async Task RegisterResource_SecretWithoutValue_IsRejectedWithoutShowingContents()
    {
        // Arrange
        await using var probe = await ValidationProbe.StartAsync();
        var request = probe.Request();
        request.Object.Fields["password"] = Value.ForStruct(EngineSession.Inputs(
            (WireConstants.SignatureKey, Value.ForString(WireConstants.SecretSignature)),
            ("valeu", Value.ForString("hunter2"))));

        // Act
        var result = await probe.RegisterAsync(request);

        // Assert
        Assert.Equal(
            [
                $"{Subject} object.password.valeu: is not a key of a secret object (was 'valeu')",
                $"{Subject} object.password: a secret must carry 'value' (was keys 'valeu')",
            ],
            result.Violations);
        Assert.Equal(StatusCode.InvalidArgument, result.Error?.StatusCode);
        Assert.DoesNotContain("hunter2", string.Join("\n", result.Violations) + result.Error?.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RegisterResource_NonFiniteNumberInsideSecret_DoesNotShowTheValue()
    {
        // Arrange
        await using var probe = await ValidationProbe.StartAsync();
        var request = probe.Request();
        request.Object.Fields["pin"] = OutputHooksSecret(Value.ForNumber(double.NaN));

        // Act
        var result = await probe.RegisterAsync(request);

        // Assert
        AssertTolerated(result, $"{Subject} object.pin.value: numbers must be finite (NaN and infinity have no JSON form) (was [secret])");
    }

    [Fact]
    public async Task RegisterResource_AssetWithTextAndPath_IsRejected()
    {
        // Arrange
        await using var probe = await ValidationProbe.StartAsync();
        var request = probe.Request();
        request.Object.Fields["file"] = Value.ForStruct(EngineSession.Inputs(
            (WireConstants.SignatureKey, Value.ForString(WireConstants.AssetSignature)),
            ("text", Value.ForString("hello")),
            ("path", Value.ForString("./hello.txt"))));

        // Act
        var result = await probe.RegisterAsync(request);

        // Assert
        AssertRejected(result, $"{Subject} object.file: an asset must carry exactly one of 'text', 'path', 'uri' (was text, path)");
    }

    [Fact]
    public async Task RegisterResource_ArchiveMemberNotAnAsset_IsRejected()
    {
        // Arrange
        await using var probe = await ValidationProbe.StartAsync();
        var request = probe.Request();
        request.Object.Fields["bundle"] = StructEncoding.ToValue(PropertyValue.CreateArchive(new ArchiveValue(
            Assets: new Dictionary<string, PropertyValue> { ["a.txt"] = PropertyValue.Create("plain") }.ToImmutableSortedDictionary(StringComparer.Ordinal))));

        // Act
        var result = await probe.RegisterAsync(request);

        // Assert
        AssertRejected(result, $"{Subject} object.bundle.assets.a.txt: each archive member must be an asset or an archive (was StringValue)");
    }

    [Fact]
    public async Task RegisterResource_WellFormedSpecialValues_AreAccepted()
    {
        // Arrange
        await using var probe = await ValidationProbe.StartAsync();
        var request = probe.Request();
        request.Object.Fields["secret"] = StructEncoding.ToValue(PropertyValue.CreateSecret(PropertyValue.Unknown));
        request.Object.Fields["asset"] = StructEncoding.ToValue(PropertyValue.CreateAsset(new AssetValue(Text: "hi")));
        request.Object.Fields["unknownNumber"] = StructEncoding.ToValue(PropertyValue.CreateUnknown(UnknownKind.Number));
        request.Object.Fields["ref"] = StructEncoding.ToValue(PropertyValue.CreateResourceReference(new ResourceReferenceValue(ExistingUrn, "")));
        request.Dependencies.Add(ExistingUrn);
        request.PropertyDependencies["ref"] = new() { Urns = { ExistingUrn } };
        request.PropertyDependencies["secret"] = new();

        // Act
        var result = await probe.RegisterAsync(request);

        // Assert
        Assert.Empty(result.Violations);
        Assert.Null(result.Error);
    }

    [Fact]
    public async Task RegisterResource_ResourceReferenceWithoutProbe_IsReported()
    {
        // Arrange
        await using var probe = await ValidationProbe.StartAsync(probeFeatures: false);
        var request = probe.Request();
        request.Object.Fields["ref"] = StructEncoding.ToValue(PropertyValue.CreateResourceReference(new ResourceReferenceValue(ExistingUrn, "")));
        request.Dependencies.Add(ExistingUrn);

        // Act
        var result = await probe.RegisterAsync(request);

        // Assert
        AssertTolerated(result, $"{Subject} object.ref: resource references need SupportsFeature('resourceReferences') probed true; send the ID or URN string instead (was resource reference)");
    }

    [Fact]
    public async Task RegisterResource_ResourceReferenceMissingFromDependencies_IsReported()
    {
        // Arrange
        await using var probe = await ValidationProbe.StartAsync();
        var request = probe.Request();
        request.Object.Fields["ref"] = StructEncoding.ToValue(PropertyValue.CreateResourceReference(new ResourceReferenceValue(ExistingUrn, "")));
        request.PropertyDependencies["ref"] = new();

        // Act
        var result = await probe.RegisterAsync(request);

        // Assert
        Assert.Equal(
            [
                $"{Subject} object.ref: a resource referenced by an input must be listed in dependencies (was '{ExistingUrn}')",
                $"{Subject} object.ref: a resource referenced by an input must be listed in propertyDependencies[ref] (was '{ExistingUrn}')",
            ],
            result.Violations);
    }

    [Fact]
    public async Task RegisterResource_OutputValueOnCustomResource_IsReported()
    {
        // Arrange
        await using var probe = await ValidationProbe.StartAsync();
        var request = probe.Request();
        request.Object.Fields["seed"] = StructEncoding.ToValue(PropertyValue.CreateOutput(new OutputPropertyValue(PropertyValue.Create("x"), false, [])));

        // Act
        var result = await probe.RegisterAsync(request);

        // Assert
        AssertTolerated(result, $"{Subject} object.seed: output values are only for remote components (send plain values, secrets and unknown sentinels) (was output value)");
    }

    [Fact]
    public async Task RegisterResource_OutputValueOnRemoteComponent_IsAccepted()
    {
        // Arrange
        await using var probe = await ValidationProbe.StartAsync();
        var request = probe.Session.ComponentRequest("eks:index:Cluster", "cluster");
        request.Remote = true;
        request.Object.Fields["seed"] = StructEncoding.ToValue(PropertyValue.CreateOutput(new OutputPropertyValue(null, true, [ExistingUrn])));
        request.Dependencies.Add(ExistingUrn);

        // Act
        var result = await probe.RegisterAsync(request);

        // Assert
        Assert.Empty(result.Violations);
        Assert.Null(result.Error);
    }

    private static Value OutputHooksSecret(Value inner) => Infra.Conformance.Tests.Fakes.OutputHooks.Secret(inner);
}
