using System.Collections.Immutable;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Infra.Protocol;
using Infra.Protocol.Values;

namespace Infra.Core.Tests.Serialization;

public sealed class StructEncodingTests
{
    private static string Json(Value value) => JsonFormatter.Default.Format(value);

    [Fact]
    public void ToValue_Secret_WrapsWithSignature()
    {
        var value = StructEncoding.ToValue(PropertyValue.CreateSecret(PropertyValue.Create("s3cr3t")));

        Assert.Equal(
            "{ \"4dabf18193072939515e22adb298388d\": \"1b47061264138c4ac30d75fd1eb44270\", \"value\": \"s3cr3t\" }",
            Json(value));
    }

    [Fact]
    public void ToValue_UnknownSecret_KeepsSecretEnvelopeAroundSentinel()
    {
        var value = StructEncoding.ToValue(PropertyValue.CreateSecret(PropertyValue.Unknown));

        Assert.Equal(
            "{ \"4dabf18193072939515e22adb298388d\": \"1b47061264138c4ac30d75fd1eb44270\", \"value\": \"04da6b54-80e4-46f7-96ec-b56ff0331ba9\" }",
            Json(value));
    }

    [Theory]
    [InlineData("1c4a061d-8072-4f0a-a4cb-0ff528b18fe7", UnknownKind.Bool)]
    [InlineData("3eeb2bf0-c639-47a8-9e75-3b44932eb421", UnknownKind.Number)]
    [InlineData("04da6b54-80e4-46f7-96ec-b56ff0331ba9", UnknownKind.String)]
    [InlineData("6a19a0b0-7e62-4c92-b797-7f8e31da9cc2", UnknownKind.Array)]
    [InlineData("030794c1-ac77-496b-92df-f27374a8bd58", UnknownKind.Asset)]
    [InlineData("e48ece36-62e2-4504-bad9-02848725956a", UnknownKind.Archive)]
    [InlineData("dd056dcd-154b-4c76-9bd3-c8f88648b5ff", UnknownKind.Object)]
    public void FromValue_EverySentinel_IsUnknownOfItsKind(string sentinel, UnknownKind kind)
    {
        var decoded = StructEncoding.FromValue(Value.ForString(sentinel));

        Assert.Equal(PropertyValueKind.Unknown, decoded.Kind);
        Assert.Equal(kind, decoded.UnknownKind);
        Assert.Equal(sentinel, StructEncoding.ToValue(decoded).StringValue);
    }

    [Fact]
    public void ToStruct_NullMember_IsOmittedButNullInListIsKept()
    {
        var properties = new Dictionary<string, PropertyValue>
        {
            ["b"] = PropertyValue.Null,
            ["a"] = PropertyValue.CreateArray([PropertyValue.Create(3), PropertyValue.Null]),
            ["c"] = PropertyValue.CreateObject([KeyValuePair.Create("inner", PropertyValue.Null)]),
        };

        var encoded = StructEncoding.ToStruct(properties);

        Assert.Equal("{ \"a\": [ 3, null ], \"c\": { } }", JsonFormatter.Default.Format(encoded));
    }

    [Fact]
    public void ToValue_ResourceReference_CarriesUrnIdAndVersion()
    {
        var reference = new ResourceReferenceValue("urn:pulumi:dev::p::tls:index/privateKey:PrivateKey::k", "abc", "5.0.0");

        var json = Json(StructEncoding.ToValue(PropertyValue.CreateResourceReference(reference)));

        Assert.Equal(
            "{ \"4dabf18193072939515e22adb298388d\": \"5cf8f73096256a8f31e491e813e4eb8e\", \"id\": \"abc\", \"packageVersion\": \"5.0.0\", \"urn\": \"urn:pulumi:dev::p::tls:index/privateKey:PrivateKey::k\" }",
            json);
    }

    [Fact]
    public void ToValue_ComponentReference_HasNoId()
    {
        var json = Json(StructEncoding.ToValue(PropertyValue.CreateResourceReference(new ResourceReferenceValue("urn:pulumi:dev::p::my:c:C::c"))));

        Assert.Equal("{ \"4dabf18193072939515e22adb298388d\": \"5cf8f73096256a8f31e491e813e4eb8e\", \"urn\": \"urn:pulumi:dev::p::my:c:C::c\" }", json);
    }

    [Fact]
    public void ToValue_Asset_And_Archive_UseTheirSignatures()
    {
        var asset = StructEncoding.ToValue(PropertyValue.CreateAsset(new AssetValue(Path: "files/a.txt")));
        var archive = StructEncoding.ToValue(PropertyValue.CreateArchive(new ArchiveValue(
            Assets: ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("x", PropertyValue.CreateAsset(new AssetValue(Text: "hi")))]))));

        Assert.Equal("{ \"4dabf18193072939515e22adb298388d\": \"c44067f5952c0a294b673a41bacd8c17\", \"path\": \"files/a.txt\" }", Json(asset));
        Assert.Equal(
            "{ \"4dabf18193072939515e22adb298388d\": \"0def7320c3a5731c473e5ecbe6d01bc7\", \"assets\": { \"x\": { \"4dabf18193072939515e22adb298388d\": \"c44067f5952c0a294b673a41bacd8c17\", \"text\": \"hi\" } } }",
            Json(archive));
    }

    [Fact]
    public void ToValue_OutputValue_OmitsUnknownValueAndKeepsDependencies()
    {
        var output = new OutputPropertyValue(null, IsSecret: true, ["urn:pulumi:s::p::a:b:C::x"]);

        var json = Json(StructEncoding.ToValue(PropertyValue.CreateOutput(output)));

        Assert.Equal(
            "{ \"4dabf18193072939515e22adb298388d\": \"d0e6a833031e9bbcd3f4e8bde6ca49a4\", \"dependencies\": [ \"urn:pulumi:s::p::a:b:C::x\" ], \"secret\": true }",
            json);
        Assert.Equal(PropertyValue.CreateOutput(output), StructEncoding.FromValue(StructEncoding.ToValue(PropertyValue.CreateOutput(output))));
    }

    [Fact]
    public void FromStruct_InternalKeys_AreSkippedAtTopLevel()
    {
        var wire = new Struct();
        wire.Fields["__defaults"] = Value.ForList();
        wire.Fields["name"] = Value.ForString("n");

        var decoded = StructEncoding.FromStruct(wire);

        Assert.Equal(["name"], decoded.Keys);
    }

    [Fact]
    public void FromValue_UnknownSignature_Throws()
    {
        var wire = new Struct();
        wire.Fields[WireConstants.SignatureKey] = Value.ForString("nope");

        var error = Assert.Throws<InvalidDataException>(() => StructEncoding.FromValue(Value.ForStruct(wire)));

        Assert.Contains("'nope'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_NaN_IsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PropertyValue.Create(double.NaN));
    }
}
