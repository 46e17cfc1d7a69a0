using System.Collections.Immutable;
using System.IO.Compression;
using System.Text;
using Infra.Engine.State;
using Infra.Protocol.Values;

namespace Infra.Engine.Tests.State;

public sealed class CheckpointSerializerTests
{
    private const string StackName = "organization/proj/dev";

    private const string Golden =
        """
        {"version":3,"checkpoint":{"stack":"organization/proj/dev","latest":{"manifest":{"time":"2026-01-02T03:04:05.12345Z","magic":"26f3916fec7e347fdb2e19a90a70c92a60b40a458a31dbcfe05a27af84fec072","version":"v3.140.0"},"secrets_providers":{"type":"b64"},"resources":[{"urn":"urn:pulumi:dev::proj::pulumi:pulumi:Stack::proj-dev","custom":false,"type":"pulumi:pulumi:Stack","outputs":{"greeting":"hello","password":{"4dabf18193072939515e22adb298388d":"1b47061264138c4ac30d75fd1eb44270","ciphertext":"test:eDIvNC4/KGh4"}}},{"urn":"urn:pulumi:dev::proj::pulumi:providers:command::default_1_0_0","custom":true,"id":"2f6a3c1e-0000-4000-8000-000000000001","type":"pulumi:providers:command","inputs":{"version":"1.0.0"},"outputs":{"version":"1.0.0"},"parent":"urn:pulumi:dev::proj::pulumi:pulumi:Stack::proj-dev"},{"urn":"urn:pulumi:dev::proj::command:local:Command::hello","custom":true,"id":"hello-id","type":"command:local:Command","inputs":{"asset":{"4dabf18193072939515e22adb298388d":"c44067f5952c0a294b673a41bacd8c17","hash":"3a6eb0790f39ac87c94f3856b2dd2c5d110e6811602261a9a923d3bb23adc8b7","text":"data"},"create":"echo hello","environment":{"A":"1","B":"2"},"triggers":[1,2.5,true]},"outputs":{"pending":"04da6b54-80e4-46f7-96ec-b56ff0331ba9","self":{"4dabf18193072939515e22adb298388d":"5cf8f73096256a8f31e491e813e4eb8e","id":"2f6a3c1e-0000-4000-8000-000000000001","packageVersion":"1.0.0","urn":"urn:pulumi:dev::proj::pulumi:providers:command::default_1_0_0"},"stderr":"","stdout":"hello"},"parent":"urn:pulumi:dev::proj::pulumi:pulumi:Stack::proj-dev","dependencies":["urn:pulumi:dev::proj::pulumi:providers:command::default_1_0_0"],"provider":"urn:pulumi:dev::proj::pulumi:providers:command::default_1_0_0::2f6a3c1e-0000-4000-8000-000000000001","propertyDependencies":{"create":[],"environment":["urn:pulumi:dev::proj::pulumi:providers:command::default_1_0_0"]},"customTimeouts":{"create":60,"delete":30},"ignoreChanges":["triggers"],"created":"2026-01-02T03:04:05.12345Z","modified":"2026-01-02T03:04:06.12345Z"}],"pending_operations":[{"resource":{"urn":"urn:pulumi:dev::proj::command:local:Command::later","custom":true,"type":"command:local:Command","inputs":{"create":"echo later"},"parent":"urn:pulumi:dev::proj::pulumi:pulumi:Stack::proj-dev","provider":"urn:pulumi:dev::proj::pulumi:providers:command::default_1_0_0::2f6a3c1e-0000-4000-8000-000000000001"},"type":"creating"}],"metadata":{}}}}
        """;

    internal static StackSnapshot GoldenSnapshot()
    {
        var stack = StateTestData.Stack(StateTestData.Map(
            ("greeting", PropertyValue.Create("hello")),
            ("password", PropertyValue.CreateSecret(PropertyValue.Create("hunter2")))));
        var command = StateTestData.Command() with
        {
            Inputs = StateTestData.Map(
                ("create", PropertyValue.Create("echo hello")),
                ("environment", PropertyValue.CreateObject([KeyValuePair.Create("B", PropertyValue.Create("2")), KeyValuePair.Create("A", PropertyValue.Create("1"))])),
                ("triggers", PropertyValue.CreateArray([PropertyValue.Create(1), PropertyValue.Create(2.5), PropertyValue.True])),
                ("asset", PropertyValue.CreateAsset(new AssetValue(Text: "data", Hash: "3a6eb0790f39ac87c94f3856b2dd2c5d110e6811602261a9a923d3bb23adc8b7")))),
            Outputs = StateTestData.Map(
                ("stdout", PropertyValue.Create("hello")),
                ("stderr", PropertyValue.Create(string.Empty)),
                ("pending", PropertyValue.Unknown),
                ("self", PropertyValue.CreateResourceReference(new ResourceReferenceValue(StateTestData.ProviderUrn, StateTestData.ProviderId, "1.0.0")))),
            Dependencies = [StateTestData.ProviderUrn],
            PropertyDependencies = ImmutableSortedDictionary<string, ImmutableArray<string>>.Empty
                .Add("create", [])
                .Add("environment", [StateTestData.ProviderUrn]),
            CustomTimeouts = new ResourceTimeouts(60, 0, 30, 0),
            IgnoreChanges = ["triggers"],
            Created = StateTestData.Time,
            Modified = StateTestData.Time.AddSeconds(1),
        };
        return StateTestData.Snapshot(stack, StateTestData.Provider(), command) with
        {
            PendingOperations = [new PendingOperation(StateTestData.Command("later") with { Id = null, Outputs = ImmutableSortedDictionary<string, PropertyValue>.Empty }, PendingOperationType.Creating)],
        };
    }

    [Fact]
    public void SerializeCheckpoint_SmallDeployment_MatchesGoldenBytes()
    {
        // Arrange
        var snapshot = GoldenSnapshot();

        // Act
        var bytes = CheckpointSerializer.SerializeCheckpoint(StackName, snapshot, new TestSecretsCrypter());

        // Assert
        Assert.Equal(Golden, Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public void ReadCheckpoint_WrittenBytes_RoundTripsToSameBytes()
    {
        // Arrange
        var crypter = new TestSecretsCrypter();
        var bytes = CheckpointSerializer.SerializeCheckpoint(StackName, GoldenSnapshot(), crypter);

        // Act
        var read = CheckpointSerializer.ReadCheckpoint(bytes, crypter, "test.json");
        var again = CheckpointSerializer.SerializeCheckpoint(StackName, read.Latest, crypter);

        // Assert
        Assert.Equal(3, read.Version);
        Assert.Equal(StackName, read.Stack);
        Assert.Equal(Encoding.UTF8.GetString(bytes), Encoding.UTF8.GetString(again));
        Assert.Equal(PropertyValue.CreateSecret(PropertyValue.Create("hunter2")), read.Latest!.Resources[0].Outputs["password"]);
        Assert.Equal(PendingOperationType.Creating, Assert.Single(read.Latest.PendingOperations).Type);
    }

    [Fact]
    public void SerializeCheckpoint_Secrets_CiphertextNeverContainsPlaintext()
    {
        // Arrange
        var snapshot = GoldenSnapshot();

        // Act
        var text = Encoding.UTF8.GetString(CheckpointSerializer.SerializeCheckpoint(StackName, snapshot, new TestSecretsCrypter()));

        // Assert
        Assert.DoesNotContain("hunter2", text, StringComparison.Ordinal);
        Assert.Contains("\"ciphertext\":\"test:", text, StringComparison.Ordinal);
        Assert.DoesNotContain("plaintext", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadCheckpoint_IndentedFile_ReadsSameDeployment()
    {
        // Arrange
        var crypter = new TestSecretsCrypter();
        var compact = CheckpointSerializer.SerializeCheckpoint(StackName, GoldenSnapshot(), crypter);
        using var document = System.Text.Json.JsonDocument.Parse(compact);
        using var indentedStream = new MemoryStream();
        using (var writer = new StateJsonWriter(indentedStream, indentSize: 4))
        {
            writer.WriteElement(document.RootElement);
            writer.Flush();
        }

        // Act
        var read = CheckpointSerializer.ReadCheckpoint(indentedStream.ToArray(), crypter, "indented.json");

        // Assert
        Assert.Equal(Encoding.UTF8.GetString(compact), Encoding.UTF8.GetString(CheckpointSerializer.SerializeCheckpoint(StackName, read.Latest, crypter)));
    }

    [Fact]
    public void ReadCheckpoint_GzipCompressed_DetectedFromContent()
    {
        // Arrange
        var crypter = new TestSecretsCrypter();
        var plain = CheckpointSerializer.SerializeCheckpoint(StackName, GoldenSnapshot(), crypter);
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(plain);
        }

        // Act
        var read = CheckpointSerializer.ReadCheckpoint(compressed.ToArray(), crypter, "dev.json.gz");

        // Assert
        Assert.Equal(3, read.Latest!.Resources.Length);
        Assert.Equal("hello-id", read.Latest.Resources[2].Id);
    }

    [Fact]
    public void ReadCheckpoint_Version4WithUnknownFeatures_ThrowsListingThem()
    {
        // Arrange
        var json = """{"version":4,"features":["taint","refreshBeforeUpdate"],"checkpoint":{"stack":"organization/proj/dev"}}""";

        // Act
        var exception = Assert.Throws<StateFormatException>(() => CheckpointSerializer.ReadCheckpoint(Encoding.UTF8.GetBytes(json), null, "dev.json"));

        // Assert
        Assert.Equal("dev.json: this stack's deployment needs support for the following features: refreshBeforeUpdate, taint, which this engine does not support.", exception.Message);
    }

    [Fact]
    public void ReadCheckpoint_Version4WithoutFeatures_Reads()
    {
        // Arrange
        var json = """{"version":4,"checkpoint":{"stack":"organization/proj/dev"}}""";

        // Act
        var read = CheckpointSerializer.ReadCheckpoint(Encoding.UTF8.GetBytes(json), null, "dev.json");

        // Assert
        Assert.Equal(4, read.Version);
        Assert.Null(read.Latest);
    }

    [Fact]
    public void ReadCheckpoint_VersionAboveFour_Throws()
    {
        // Arrange
        var json = """{"version":5,"checkpoint":{}}""";

        // Act
        var exception = Assert.Throws<StateFormatException>(() => CheckpointSerializer.ReadCheckpoint(Encoding.UTF8.GetBytes(json), null, "dev.json"));

        // Assert
        Assert.Equal("dev.json: the state has version 5, which is newer than this engine understands (it reads versions 0 to 4); upgrade the engine.", exception.Message);
    }

    [Fact]
    public void ReadCheckpoint_Version0_ReadsVersion1CheckpointAndMergesDefaults()
    {
        // Arrange: no "version": the whole file is a version-1 checkpoint.
        var json = $$"""
            {"stack":"dev","latest":{"manifest":{"time":"2020-01-01T00:00:00.123456789+01:00","magic":"{{StateTestData.VersionMagic}}","version":"{{StateTestData.Version}}"},
             "resources":[{"urn":"{{StateTestData.StackUrn}}","custom":false,"type":"pulumi:pulumi:Stack"},
                          {"urn":"{{StateTestData.CommandUrn}}","custom":true,"id":"x","type":"command:local:Command","parent":"{{StateTestData.StackUrn}}",
                           "inputs":{"create":"a"},"defaults":{"create":"ignored","dir":"/tmp"} }]} }
            """;

        // Act
        var read = CheckpointSerializer.ReadCheckpoint(Encoding.UTF8.GetBytes(json), null, "dev.json");

        // Assert
        Assert.Equal(0, read.Version);
        Assert.Equal("dev", read.Stack);
        var inputs = read.Latest!.Resources[1].Inputs;
        Assert.Equal(PropertyValue.Create("a"), inputs["create"]);
        Assert.Equal(PropertyValue.Create("/tmp"), inputs["dir"]);
        Assert.Equal(new DateTimeOffset(2019, 12, 31, 23, 0, 0, TimeSpan.Zero).AddTicks(1234567), read.Latest.Manifest.Time);
    }

    [Fact]
    public void ReadCheckpoint_Version2WithPendingOperations_ReturnsThem()
    {
        // Arrange
        var json = $$"""
            {"version":2,"checkpoint":{"stack":"dev","latest":{"manifest":{"time":"2020-01-01T00:00:00Z","magic":"","version":""},
             "resources":[],
             "pending_operations":[{"resource":{"urn":"{{StateTestData.CommandUrn}}","custom":true,"type":"command:local:Command"},"type":"deleting"}]} } }
            """;

        // Act
        var read = CheckpointSerializer.ReadCheckpoint(Encoding.UTF8.GetBytes(json), null, "dev.json");

        // Assert
        var operation = Assert.Single(read.Latest!.PendingOperations);
        Assert.Equal($"{StateTestData.CommandUrn}, interrupted while deleting", operation.Describe());
    }

    [Fact]
    public void ReadCheckpoint_ZstdContent_ThrowsClearError()
    {
        // Arrange
        byte[] data = [0x28, 0xb5, 0x2f, 0xfd, 0, 0];

        // Act
        var exception = Assert.Throws<StateFormatException>(() => CheckpointSerializer.ReadCheckpoint(data, null, "dev.json.zst"));

        // Assert
        Assert.StartsWith("dev.json.zst: the state is zstd-compressed", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadCheckpoint_BrokenIntegrity_ThrowsIntegrityException()
    {
        // Arrange
        var json = $$"""
            {"version":3,"checkpoint":{"stack":"organization/proj/dev","latest":{"manifest":{"time":"2020-01-01T00:00:00Z","magic":"bad","version":"{{StateTestData.Version}}"},"metadata":{} } } }
            """;

        // Act
        var exception = Assert.Throws<StateIntegrityException>(() => CheckpointSerializer.ReadCheckpoint(Encoding.UTF8.GetBytes(json), null, "dev.json"));

        // Assert
        Assert.Equal("magic-cookie", Assert.Single(exception.Violations).Rule);
    }

    [Fact]
    public void SerializeCheckpoint_BrokenIntegrity_ThrowsBeforeWriting()
    {
        // Arrange
        var snapshot = StateTestData.Snapshot(StateTestData.Command(), StateTestData.Stack());
        using var stream = new MemoryStream();

        // Act
        Assert.Throws<StateIntegrityException>(() => CheckpointSerializer.WriteCheckpoint(stream, StackName, snapshot, null));

        // Assert
        Assert.Equal(0, stream.Length);
    }

    [Fact]
    public void SerializeDeployment_ShowSecrets_WritesIndentedPlaintext()
    {
        // Arrange
        var snapshot = StateTestData.Snapshot(StateTestData.Stack(StateTestData.Map(("password", PropertyValue.CreateSecret(PropertyValue.Create("hunter2"))))));

        // Act
        var text = CheckpointSerializer.SerializeDeployment(snapshot, crypter: null, showSecrets: true);

        // Assert
        var expected = $$"""
            {
                "version": 3,
                "deployment": {
                    "manifest": {
                        "time": "2026-01-02T03:04:05.12345Z",
                        "magic": "{{StateTestData.VersionMagic}}",
                        "version": "{{StateTestData.Version}}"
                    },
                    "secrets_providers": {
                        "type": "b64"
                    },
                    "resources": [
                        {
                            "urn": "{{StateTestData.StackUrn}}",
                            "custom": false,
                            "type": "pulumi:pulumi:Stack",
                            "outputs": {
                                "password": {
                                    "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270",
                                    "plaintext": "\"hunter2\""
                                }
                            }
                        }
                    ],
                    "metadata": {}
                }
            }

            """;
        Assert.Equal(expected, text);
    }

    [Fact]
    public void ReadDeployment_ExportedText_RoundTrips()
    {
        // Arrange
        var crypter = new TestSecretsCrypter();
        var exported = CheckpointSerializer.SerializeDeployment(GoldenSnapshot(), crypter, showSecrets: false);

        // Act
        var read = CheckpointSerializer.ReadDeployment(Encoding.UTF8.GetBytes(exported), crypter, "export.json");

        // Assert
        Assert.Equal(exported, CheckpointSerializer.SerializeDeployment(read, crypter, showSecrets: false));
    }
}
