using System.Collections.Immutable;
using System.Runtime.Serialization;
using Google.Protobuf;
using Infra;
using Infra.Assets;
using Infra.Protocol.Values;
using Infra.Serialization;

namespace Infra.Core.Tests.Serialization;

public sealed class SerializerTests
{
    private static async Task<string> WireJsonAsync(object? value, bool keepResources = true)
    {
        var serialized = await new Serializer(keepResources, keepOutputValues: false).SerializeAsync("test", value, new HashSet<Resource>());
        return JsonFormatter.Default.Format(StructEncoding.ToValue(serialized));
    }

    [Fact]
    public async Task Serialize_SecretOutput_IsWrapped()
    {
        Assert.Equal(
            "{ \"4dabf18193072939515e22adb298388d\": \"1b47061264138c4ac30d75fd1eb44270\", \"value\": \"pw\" }",
            await WireJsonAsync(Output.CreateSecret("pw")));
    }

    [Fact]
    public async Task Serialize_UnknownSecretOutput_KeepsSecretMarker()
    {
        Assert.Equal(
            "{ \"4dabf18193072939515e22adb298388d\": \"1b47061264138c4ac30d75fd1eb44270\", \"value\": \"04da6b54-80e4-46f7-96ec-b56ff0331ba9\" }",
            await WireJsonAsync(Output<string>.CreateUnknown(isSecret: true)));
    }

    [Fact]
    public async Task Serialize_Numbers_AreDoubles()
    {
        Assert.Equal("[ 3, 2.5, 9007199254740992 ]", await WireJsonAsync(new object[] { 3, 2.5, 9007199254740992L }));
    }

    [Fact]
    public async Task Serialize_LongBeyond2To53_IsRefusedWithPath()
    {
        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => WireJsonAsync(new Dictionary<string, object> { ["big"] = 9007199254740993L }));

        Assert.Contains("test.big: 9007199254740993 is beyond ±2^53", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serialize_NaN_IsRefused()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => WireJsonAsync(double.NaN));
    }

    [Fact]
    public async Task Serialize_NullsInMapDroppedInListKept()
    {
        var value = new Dictionary<string, object?> { ["a"] = null, ["b"] = new object?[] { null, "x" } };

        Assert.Equal("{ \"b\": [ null, \"x\" ] }", await WireJsonAsync(value));
    }

    [Fact]
    public async Task Serialize_EnumMember_UsesWireValue()
    {
        Assert.Equal("[ \"key_encipherment\", \"Plain\" ]", await WireJsonAsync(new object[] { Use.KeyEncipherment, Use.Plain }));
    }

    [Fact]
    public async Task Serialize_TimesAndIds_UseInvariantRoundTripText()
    {
        var moment = new DateTimeOffset(2026, 11, 26, 13, 5, 0, TimeSpan.FromHours(1));

        var json = await WireJsonAsync(new object[] { moment, TimeSpan.FromMinutes(90), new Guid("6f1c8c2e-0b0a-4d7e-9f55-2a6b0f5d3c11") });

        Assert.Equal("[ \"2026-11-26T13:05:00.0000000+01:00\", \"01:30:00\", \"6f1c8c2e-0b0a-4d7e-9f55-2a6b0f5d3c11\" ]", json);
    }

    [Fact]
    public async Task Serialize_Assets_UseSignatures()
    {
        var archive = new AssetArchive(new Dictionary<string, object> { ["index.html"] = new StringAsset("hello"), ["dir"] = new FileArchive("./site") });

        Assert.Equal(
            "{ \"4dabf18193072939515e22adb298388d\": \"0def7320c3a5731c473e5ecbe6d01bc7\", \"assets\": { "
            + "\"dir\": { \"4dabf18193072939515e22adb298388d\": \"0def7320c3a5731c473e5ecbe6d01bc7\", \"path\": \"./site\" }, "
            + "\"index.html\": { \"4dabf18193072939515e22adb298388d\": \"c44067f5952c0a294b673a41bacd8c17\", \"text\": \"hello\" } } }",
            await WireJsonAsync(archive));
        Assert.Equal(
            "{ \"4dabf18193072939515e22adb298388d\": \"c44067f5952c0a294b673a41bacd8c17\", \"uri\": \"https://example.test/a\" }",
            await WireJsonAsync(new RemoteAsset("https://example.test/a")));
    }

    [Fact]
    public async Task Serialize_ArgsObject_UsesWireNamesAndDropsNulls()
    {
        var args = new NestedArgs { DisplayName = "n", Count = null, Inner = new NestedArgs { DisplayName = "inner" } };

        Assert.Equal("{ \"display_name\": \"n\", \"inner\": { \"display_name\": \"inner\" } }", await WireJsonAsync(args));
    }

    [Fact]
    public async Task Serialize_Poco_UsesCamelCaseNames()
    {
        Assert.Equal("{ \"apiVersion\": \"v1\", \"kind\": \"Namespace\" }", await WireJsonAsync(new { ApiVersion = "v1", Kind = "Namespace" }));
    }

    [Fact]
    public async Task Deserialize_WholeDoubleToInt_Works_FractionFails()
    {
        Assert.Equal(3, Deserializer.Convert(typeof(int), PropertyValue.Create(3.0), "x"));
        var error = Assert.Throws<InvalidDataException>(() => Deserializer.Convert(typeof(int), PropertyValue.Create(3.5), "thing.size"));
        Assert.Equal("thing.size: expected a whole number (Int32) but got 3.5.", error.Message);
        await Task.CompletedTask;
    }

    [Fact]
    public void Deserialize_OutOfRange_FailsNamingType()
    {
        var error = Assert.Throws<InvalidDataException>(() => Deserializer.Convert(typeof(byte), PropertyValue.Create(300), "t.b"));

        Assert.Equal("t.b: 300 does not fit in Byte.", error.Message);
    }

    [Fact]
    public void Deserialize_Record_FromObjectViaConstructor()
    {
        var value = PropertyValue.CreateObject([
            KeyValuePair.Create("host", PropertyValue.Create("a")),
            KeyValuePair.Create("port", PropertyValue.CreateSecret(PropertyValue.Create(22))),
            KeyValuePair.Create("tags", PropertyValue.CreateArray([PropertyValue.Create("x")])),
        ]);

        var endpoint = (Endpoint)Deserializer.Convert(typeof(Endpoint), value, "e")!;

        Assert.Equal(new Endpoint("a", 22, ["x"]).Host, endpoint.Host);
        Assert.Equal(22, endpoint.Port);
        Assert.Equal(["x"], endpoint.Tags);
    }

    [Fact]
    public void ToOutputData_NestedUnknown_IsUnknownAndNestedSecret_IsSecret()
    {
        var unknown = PropertyValue.CreateArray([PropertyValue.Create("a"), PropertyValue.CreateUnknown(UnknownKind.Number)]);
        var secret = PropertyValue.CreateArray([PropertyValue.CreateSecret(PropertyValue.Create("a"))]);

        var unknownData = Deserializer.ToOutputData<ImmutableArray<string>>(unknown, isPreview: true, [], "x");
        var secretData = Deserializer.ToOutputData<ImmutableArray<string>>(secret, isPreview: false, [], "x");

        Assert.False(unknownData.IsKnown);
        Assert.True(secretData.IsKnown);
        Assert.True(secretData.IsSecret);
        Assert.Equal(["a"], secretData.Value);
    }

    [Fact]
    public void ToOutputData_Missing_IsUnknownInPreviewDefaultInUpdate()
    {
        Assert.False(Deserializer.ToOutputData<string>(null, isPreview: true, [], "x").IsKnown);
        var update = Deserializer.ToOutputData<ImmutableArray<string>>(null, isPreview: false, [], "x");
        Assert.True(update.IsKnown);
        Assert.Empty(update.Value);
    }

    public enum Use
    {
        [EnumMember(Value = "key_encipherment")]
        KeyEncipherment,
        Plain,
    }

    public sealed record Endpoint(string Host, int Port, ImmutableArray<string> Tags);

    public sealed class NestedArgs : ResourceArgs
    {
        [Input("display_name")]
        public Input<string>? DisplayName { get; init; }

        [Input("count")]
        public Input<int>? Count { get; init; }

        [Input("inner")]
        public Input<NestedArgs>? Inner { get; init; }
    }
}
