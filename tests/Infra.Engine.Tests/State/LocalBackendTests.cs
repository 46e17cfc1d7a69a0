using System.Collections.Immutable;
using System.Text;
using Infra.Engine.State;
using Infra.Protocol.Values;

namespace Infra.Engine.Tests.State;

public sealed class LocalBackendTests : IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Salt = "v1:fozI5u6B030=:v1:F+6ZduKKd8G0/V7L:PGMFeIzwobWRKmEAzUdaQHqC5mMRIQ==";
    private readonly LocalBackendFixture _fixture = new();
    private readonly TestSecretsCrypter _crypter = new();

    private LocalBackend Backend => _fixture.Backend;

    private static StackReference Dev => LocalBackendFixture.Dev;

    public void Dispose() => _fixture.Dispose();

    private static StackSnapshot WithSecret(string secret) => StateTestData.Snapshot(
        StateTestData.Stack(StateTestData.Map(("password", PropertyValue.CreateSecret(PropertyValue.Create(secret))))),
        StateTestData.Provider(),
        StateTestData.Command());

    [Fact]
    public async Task CreateStackAsync_NewStore_WritesMetaAndMinimalStackFile()
    {
        // Arrange
        var secrets = SecretsProviderState.Passphrase(Salt);

        // Act
        await Backend.CreateStackAsync(Dev, secrets, cancellationToken: Ct);

        // Assert
        Assert.Equal("version: 1\n", File.ReadAllText(Path.Combine(_fixture.Root, ".pulumi", "meta.yaml")));
        Assert.Equal(
            "{\"version\":3,\"checkpoint\":{\"stack\":\"organization/proj/dev\",\"latest\":{\"manifest\":{\"time\":\"2026-01-02T03:04:05Z\","
            + $"\"magic\":\"{StateTestData.VersionMagic}\",\"version\":\"v3.140.0\"}},"
            + $"\"secrets_providers\":{{\"type\":\"passphrase\",\"state\":{{\"salt\":\"{Salt}\"}}}},\"metadata\":{{}}}}}}}}",
            File.ReadAllText(_fixture.StackFile));
        Assert.Empty(Directory.GetFiles(Path.Combine(_fixture.Root, ".pulumi", "locks", "organization", "proj", "dev")));
    }

    [Fact]
    public async Task CreateStackAsync_Existing_Throws()
    {
        // Arrange
        await Backend.CreateStackAsync(Dev, null, cancellationToken: Ct);

        // Act
        var exception = await Assert.ThrowsAsync<StateStoreException>(() => Backend.CreateStackAsync(Dev, null, cancellationToken: Ct));

        // Assert
        Assert.Equal("stack 'organization/proj/dev' already exists", exception.Message);
    }

    [Fact]
    public async Task ListStacksAsync_SeveralProjects_ListsSortedAndIgnoresSideFiles()
    {
        // Arrange
        await Backend.CreateStackAsync(new StackReference("proj", "prod"), null, cancellationToken: Ct);
        await Backend.CreateStackAsync(Dev, null, cancellationToken: Ct);
        await Backend.CreateStackAsync(new StackReference("other", "a"), null, cancellationToken: Ct);
        File.WriteAllText(_fixture.StackFile + ".bak", "{}");
        File.WriteAllText(Path.Combine(_fixture.Root, ".pulumi", "stacks", "proj", "dev.pulumi-tags"), "{}");

        // Act
        var all = await Backend.ListStacksAsync(cancellationToken: Ct);
        var proj = await Backend.ListStacksAsync("proj", cancellationToken: Ct);

        // Assert
        Assert.Equal(["organization/other/a", "organization/proj/dev", "organization/proj/prod"], all.Select(s => s.FullyQualifiedName));
        Assert.Equal(["dev", "prod"], proj.Select(s => s.Name));
    }

    [Fact]
    public async Task RemoveStackAsync_WithResources_RefusesUnlessForced()
    {
        // Arrange
        await Backend.CreateStackAsync(Dev, null, cancellationToken: Ct);
        await Backend.SaveAsync(Dev, StateTestData.ValidSnapshot(), null, cancellationToken: Ct);

        // Act
        var exception = await Assert.ThrowsAsync<StateStoreException>(() => Backend.RemoveStackAsync(Dev, cancellationToken: Ct));
        var stillThere = await Backend.StackExistsAsync(Dev, cancellationToken: Ct);
        await Backend.RemoveStackAsync(Dev, force: true, cancellationToken: Ct);

        // Assert
        Assert.StartsWith("stack 'organization/proj/dev' still has 3 resource(s); removal rejected.", exception.Message, StringComparison.Ordinal);
        Assert.True(stillThere);
        Assert.False(await Backend.StackExistsAsync(Dev, cancellationToken: Ct));
        Assert.False(File.Exists(_fixture.StackFile + ".bak"));
    }

    [Fact]
    public async Task RemoveStackAsync_Empty_Removes()
    {
        // Arrange
        await Backend.CreateStackAsync(Dev, null, cancellationToken: Ct);

        // Act
        await Backend.RemoveStackAsync(Dev, cancellationToken: Ct);

        // Assert
        Assert.Empty(await Backend.ListStacksAsync(cancellationToken: Ct));
    }

    [Fact]
    public async Task SaveAsync_ExistingFile_CopiesPreviousToBakAndWritesNew()
    {
        // Arrange
        await Backend.CreateStackAsync(Dev, null, cancellationToken: Ct);
        var previous = File.ReadAllBytes(_fixture.StackFile);
        _fixture.Time.Advance(TimeSpan.FromSeconds(10));

        // Act
        await Backend.SaveAsync(Dev, WithSecret("hunter2"), _crypter, cancellationToken: Ct);

        // Assert
        Assert.Equal(previous, File.ReadAllBytes(_fixture.StackFile + ".bak"));
        var text = File.ReadAllText(_fixture.StackFile);
        Assert.Contains("\"time\":\"2026-01-02T03:04:15Z\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", text, StringComparison.Ordinal);
        Assert.Equal(["dev.json", "dev.json.bak"], Directory.GetFiles(Path.GetDirectoryName(_fixture.StackFile)!).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var loaded = await Backend.LoadAsync(Dev, _crypter, cancellationToken: Ct);
        Assert.Equal(PropertyValue.CreateSecret(PropertyValue.Create("hunter2")), loaded!.Resources[0].Outputs["password"]);
    }

    [Fact]
    public async Task SaveAsync_CrypterFailsMidWrite_LeavesPreviousFileAndNoTemporaryFiles()
    {
        // Arrange
        await Backend.CreateStackAsync(Dev, null, cancellationToken: Ct);
        await Backend.SaveAsync(Dev, WithSecret("first"), _crypter, cancellationToken: Ct);
        var before = File.ReadAllBytes(_fixture.StackFile);
        var failing = new TestSecretsCrypter { FailOnEncryption = 2 };
        var snapshot = WithSecret("second").WithResource(StateTestData.Command("more") with
        {
            Outputs = StateTestData.Map(("token", PropertyValue.CreateSecret(PropertyValue.Create("third")))),
        });

        // Act
        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => Backend.SaveAsync(Dev, snapshot, failing, cancellationToken: Ct));

        // Assert
        Assert.Equal("simulated encryption failure", exception.Message);
        Assert.Equal(before, File.ReadAllBytes(_fixture.StackFile));
        Assert.Equal(2, failing.EncryptCount);
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(_fixture.StackFile)!, "*.tmp"));
        Assert.NotNull(await Backend.LoadAsync(Dev, _crypter, cancellationToken: Ct));
    }

    [Fact]
    public async Task SaveAsync_IntegrityViolation_ThrowsAndKeepsFile()
    {
        // Arrange
        await Backend.CreateStackAsync(Dev, null, cancellationToken: Ct);
        var before = File.ReadAllBytes(_fixture.StackFile);
        var broken = StateTestData.Snapshot(StateTestData.Command(), StateTestData.Provider(), StateTestData.Stack());

        // Act
        var exception = await Assert.ThrowsAsync<StateIntegrityException>(() => Backend.SaveAsync(Dev, broken, null, cancellationToken: Ct));

        // Assert
        Assert.StartsWith("snapshot integrity failure: the state of stack 'organization/proj/dev' breaks 3 rule(s):", exception.Message, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(_fixture.StackFile));
        Assert.False(File.Exists(_fixture.StackFile + ".bak"));
    }

    [Fact]
    public async Task LoadAsync_MissingStack_Throws()
    {
        // Arrange / Act
        var exception = await Assert.ThrowsAsync<StateStoreException>(() => Backend.LoadAsync(Dev, null, cancellationToken: Ct));

        // Assert
        Assert.Equal("stack 'organization/proj/dev' does not exist", exception.Message);
    }

    [Fact]
    public async Task RecordOperationAsync_Update_WritesBackupHistoryAndCheckpointCopy()
    {
        // Arrange
        await Backend.CreateStackAsync(Dev, null, cancellationToken: Ct);
        await Backend.SaveAsync(Dev, StateTestData.ValidSnapshot(), null, cancellationToken: Ct);
        var record = new UpdateRecord
        {
            Kind = UpdateKind.Update,
            StartTime = _fixture.Time.GetUtcNow(),
            EndTime = _fixture.Time.GetUtcNow().AddSeconds(7),
            Result = UpdateResult.Succeeded,
            Message = "first deploy",
            Config = new Dictionary<string, HistoryConfigValue>
            {
                ["proj:token"] = new("v1:abc", Secure: true),
                ["proj:name"] = new("web"),
            }.ToImmutableSortedDictionary(StringComparer.Ordinal),
            ResourceChanges = new Dictionary<string, int> { ["create"] = 3, ["same"] = 1 }.ToImmutableSortedDictionary(StringComparer.Ordinal),
        };

        // Act
        await Backend.RecordOperationAsync(Dev, record, cancellationToken: Ct);

        // Assert
        const string Nanos = "1767323045000000000";
        var stackBytes = File.ReadAllBytes(_fixture.StackFile);
        Assert.Equal(stackBytes, File.ReadAllBytes(Path.Combine(_fixture.Root, ".pulumi", "backups", "proj", "dev", $"dev.{Nanos}.json")));
        var history = Path.Combine(_fixture.Root, ".pulumi", "history", "proj", "dev");
        Assert.Equal(stackBytes, File.ReadAllBytes(Path.Combine(history, $"dev-{Nanos}.checkpoint.json")));
        Assert.Equal(
            """
            {
                "kind": "update",
                "startTime": 1767323045,
                "message": "first deploy",
                "environment": {},
                "config": {
                    "proj:name": "web",
                    "proj:token": {
                        "secure": "v1:abc"
                    }
                },
                "version": 1,
                "result": "succeeded",
                "endTime": 1767323052,
                "resourceChanges": {
                    "create": 3,
                    "same": 1
                }
            }
            """,
            File.ReadAllText(Path.Combine(history, $"dev-{Nanos}.history.json")));
    }

    [Fact]
    public async Task RecordOperationAsync_BackupsDisabled_WritesHistoryOnly()
    {
        // Arrange
        var backend = _fixture.CreateBackend(LocalBackendFixture.LockId, new FixedProcessIdentity(1, "u", "h"), disableBackups: true);
        await backend.CreateStackAsync(Dev, null, cancellationToken: Ct);
        var now = _fixture.Time.GetUtcNow();

        // Act
        await backend.RecordOperationAsync(Dev, new UpdateRecord { Kind = UpdateKind.Destroy, StartTime = now, EndTime = now, Result = UpdateResult.Failed }, cancellationToken: Ct);

        // Assert
        Assert.False(Directory.Exists(Path.Combine(_fixture.Root, ".pulumi", "backups")));
        var entry = Assert.Single(Directory.GetFiles(Path.Combine(_fixture.Root, ".pulumi", "history", "proj", "dev"), "*.history.json"));
        Assert.Contains("\"kind\": \"destroy\"", File.ReadAllText(entry), StringComparison.Ordinal);
        Assert.DoesNotContain("resourceChanges", File.ReadAllText(entry), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecordOperationAsync_Preview_Throws()
    {
        // Arrange
        await Backend.CreateStackAsync(Dev, null, cancellationToken: Ct);
        var now = _fixture.Time.GetUtcNow();

        // Act
        var exception = await Assert.ThrowsAsync<ArgumentException>(() => Backend.RecordOperationAsync(Dev, new UpdateRecord { Kind = UpdateKind.Preview, StartTime = now, EndTime = now, Result = UpdateResult.Succeeded }, cancellationToken: Ct));

        // Assert
        Assert.StartsWith("record.Kind: previews are never recorded", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportAsync_WithoutShowSecrets_CopiesCiphertextWithoutDecrypting()
    {
        // Arrange
        await Backend.CreateStackAsync(Dev, null, cancellationToken: Ct);
        await Backend.SaveAsync(Dev, WithSecret("hunter2"), _crypter, cancellationToken: Ct);
        var fresh = new TestSecretsCrypter();

        // Act
        var exported = await Backend.ExportAsync(Dev, fresh, cancellationToken: Ct);

        // Assert
        Assert.StartsWith("{\n    \"version\": 3,\n    \"deployment\": {\n        \"manifest\": {", exported, StringComparison.Ordinal);
        Assert.Contains($"\"ciphertext\": \"{_crypter.Encrypt("\"hunter2\"")}\"", exported, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", exported, StringComparison.Ordinal);
        Assert.Equal(0, fresh.DecryptCount);
    }

    [Fact]
    public async Task ExportAsync_ShowSecrets_WritesPlaintext()
    {
        // Arrange
        await Backend.CreateStackAsync(Dev, null, cancellationToken: Ct);
        await Backend.SaveAsync(Dev, WithSecret("hunter2"), _crypter, cancellationToken: Ct);

        // Act
        var exported = await Backend.ExportAsync(Dev, _crypter, showSecrets: true, cancellationToken: Ct);

        // Assert
        Assert.Contains("\"plaintext\": \"\\\"hunter2\\\"\"", exported, StringComparison.Ordinal);
        Assert.DoesNotContain("ciphertext", exported, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportAsync_ExportedDeployment_BecomesStackState()
    {
        // Arrange
        var prod = new StackReference("proj", "prod");
        await Backend.CreateStackAsync(Dev, null, cancellationToken: Ct);
        await Backend.CreateStackAsync(prod, SecretsProviderState.Passphrase(Salt), cancellationToken: Ct);
        await Backend.SaveAsync(Dev, WithSecret("hunter2"), _crypter, cancellationToken: Ct);
        var exported = await Backend.ExportAsync(Dev, _crypter, showSecrets: true, cancellationToken: Ct);

        // Act
        await Backend.ImportAsync(prod, exported, _crypter, cancellationToken: Ct);

        // Assert
        var text = File.ReadAllText(Path.Combine(_fixture.Root, ".pulumi", "stacks", "proj", "prod.json"));
        Assert.Contains("\"stack\":\"organization/proj/prod\"", text, StringComparison.Ordinal);
        Assert.Contains($"\"secrets_providers\":{{\"type\":\"passphrase\",\"state\":{{\"salt\":\"{Salt}\"}}}}", text, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", text, StringComparison.Ordinal);
        var loaded = await Backend.LoadAsync(prod, _crypter, cancellationToken: Ct);
        Assert.Equal(3, loaded!.Resources.Length);
        Assert.Equal(PropertyValue.CreateSecret(PropertyValue.Create("hunter2")), loaded.Resources[0].Outputs["password"]);
    }

    [Fact]
    public async Task SaveAsync_GzipOption_WritesCompressedFileThatLoads()
    {
        // Arrange
        var backend = _fixture.CreateBackend(LocalBackendFixture.LockId, new FixedProcessIdentity(1, "u", "h"), gzip: true);
        await Backend.CreateStackAsync(Dev, null, cancellationToken: Ct);

        // Act
        await backend.SaveAsync(Dev, StateTestData.ValidSnapshot(), null, cancellationToken: Ct);

        // Assert
        var compressed = File.ReadAllBytes(_fixture.StackFile + ".gz");
        Assert.Equal(new byte[] { 0x1f, 0x8b }, compressed[..2]);
        Assert.False(File.Exists(_fixture.StackFile));
        Assert.Equal(3, (await Backend.LoadAsync(Dev, null, cancellationToken: Ct))!.Resources.Length);
        Assert.Equal(["dev"], (await Backend.ListStacksAsync("proj", cancellationToken: Ct)).Select(s => s.Name));
    }

    [Fact]
    public async Task ListStacksAsync_LegacyLayout_ThrowsUpgradeHint()
    {
        // Arrange
        Directory.CreateDirectory(Path.Combine(_fixture.Root, ".pulumi", "stacks"));
        File.WriteAllText(Path.Combine(_fixture.Root, ".pulumi", "stacks", "dev.json"), "{}");

        // Act
        var exception = await Assert.ThrowsAsync<StateStoreException>(() => Backend.ListStacksAsync(cancellationToken: Ct));

        // Assert
        Assert.EndsWith("uses the legacy layout (stacks directly under 'stacks/', no meta.yaml), which this engine does not support; upgrade it with `pulumi state upgrade`.", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SaveAsync_TenThousandResources_RoundTrips()
    {
        // Arrange: the engine saves after every step, so this must stay cheap (see bench/ for timings).
        await Backend.CreateStackAsync(Dev, null, cancellationToken: Ct);
        var resources = new List<ResourceState> { StateTestData.Stack(), StateTestData.Provider() };
        for (var i = 0; i < 10_000; i++)
        {
            resources.Add(StateTestData.Command($"r{i}") with
            {
                Outputs = StateTestData.Map(
                    ("stdout", PropertyValue.Create($"line {i}")),
                    ("token", PropertyValue.CreateSecret(PropertyValue.Create($"t{i}"))),
                    ("n", PropertyValue.Create(i))),
            });
        }

        var snapshot = StateTestData.Snapshot([.. resources]);

        // Act
        await Backend.SaveAsync(Dev, snapshot, _crypter, cancellationToken: Ct);
        await Backend.SaveAsync(Dev, snapshot, _crypter, cancellationToken: Ct);
        var loaded = await Backend.LoadAsync(Dev, _crypter, cancellationToken: Ct);

        // Assert
        Assert.Equal(10_002, loaded!.Resources.Length);
        Assert.Equal(10_000, _crypter.EncryptCount);
        Assert.Equal(Encoding.UTF8.GetString(File.ReadAllBytes(_fixture.StackFile)), Encoding.UTF8.GetString(File.ReadAllBytes(_fixture.StackFile + ".bak")));
    }
}
