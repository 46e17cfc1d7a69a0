using System.IO.Compression;
using System.Text;
using Infra.Engine.Secrets;

namespace Infra.Engine.State;

internal sealed partial class LocalBackend
{
    /// <summary>
    /// Reads the stack's current deployment (null when it has none), decrypting secrets with
    /// <paramref name="crypter"/>, and checks its integrity. Pending operations found in it are returned
    /// in <see cref="StackSnapshot.PendingOperations"/> so the engine can warn that a previous run was
    /// interrupted (<see cref="PendingOperation.Describe"/>).
    /// <para>Does not take the stack lock: this is how <c>preview</c> reads state, and preview never locks.</para>
    /// </summary>
    /// <exception cref="StateStoreException">The stack does not exist.</exception>
    /// <exception cref="StateFormatException">The file cannot be read (bad JSON, version, feature or secret).</exception>
    /// <exception cref="StateIntegrityException">The deployment breaks an integrity rule.</exception>
    public async Task<StackSnapshot?> LoadAsync(StackReference stack, ISecretsCrypter? crypter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stack);
        EnsureLayout(create: false);
        var file = FindStackFile(stack) ?? throw NotFound(stack);
        var data = await File.ReadAllBytesAsync(file, cancellationToken).ConfigureAwait(false);
        return CheckpointSerializer.ReadCheckpoint(data, crypter, file).Latest;
    }

    /// <summary>
    /// Saves the stack's deployment: checks integrity, copies the current file to <c>.json.bak</c>, then
    /// writes a temporary file in the same directory, flushes it to disk and renames it over the state
    /// file, so a failure at any point leaves the previous state intact. The manifest is stamped with
    /// the current time and this engine's version. Callers must hold the stack lock
    /// (<see cref="AcquireLockAsync"/> or <see cref="BeginUpdateAsync"/>).
    /// </summary>
    public Task SaveAsync(StackReference stack, StackSnapshot snapshot, ISecretsCrypter? crypter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stack);
        ArgumentNullException.ThrowIfNull(snapshot);
        EnsureLayout(create: true);
        if (FindStackFile(stack) is null)
        {
            throw NotFound(stack);
        }

        WriteStackFile(stack, snapshot, crypter, cancellationToken);
        return Task.CompletedTask;
    }

    /// <summary>
    /// The <c>stack export</c> text (<c>{"version":3,"deployment":…}</c>, 4-space indent). Without
    /// <paramref name="showSecrets"/> the stored ciphertexts are copied and nothing is decrypted; with it,
    /// every secret is decrypted with <paramref name="crypter"/> and written as <c>plaintext</c>.
    /// </summary>
    public async Task<string> ExportAsync(StackReference stack, ISecretsCrypter? crypter, bool showSecrets = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stack);
        EnsureLayout(create: false);
        var file = FindStackFile(stack) ?? throw NotFound(stack);
        var data = await File.ReadAllBytesAsync(file, cancellationToken).ConfigureAwait(false);
        if (!showSecrets)
        {
            return CheckpointSerializer.ExportStored(data, crypter, file);
        }

        var snapshot = CheckpointSerializer.ReadCheckpoint(data, crypter, file).Latest
            ?? throw new StateStoreException($"stack '{stack}' has no deployment to export");
        return CheckpointSerializer.SerializeDeployment(snapshot, crypter, showSecrets: true);
    }

    /// <summary>
    /// <c>stack import</c>: reads <c>{"version":N,"deployment":…}</c>, checks its integrity and saves it as
    /// the stack's state. <paramref name="crypter"/> is the target stack's: it decrypts the deployment's
    /// ciphertexts (so they must come from a stack with the same secrets provider, or be plaintext from a
    /// <c>--show-secrets</c> export) and encrypts everything on save. The stack keeps its own
    /// <c>secrets_providers</c>. Takes the stack lock; the stack must exist.
    /// </summary>
    public async Task ImportAsync(StackReference stack, string deploymentJson, ISecretsCrypter? crypter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stack);
        ArgumentNullException.ThrowIfNull(deploymentJson);
        EnsureLayout(create: true);
        var snapshot = CheckpointSerializer.ReadDeployment(Encoding.UTF8.GetBytes(deploymentJson), crypter, "the imported deployment");
        await using var stackLock = await AcquireLockAsync(stack, cancellationToken).ConfigureAwait(false);
        var file = FindStackFile(stack) ?? throw NotFound(stack);
        var current = await File.ReadAllBytesAsync(file, cancellationToken).ConfigureAwait(false);
        if (CheckpointSerializer.ReadSecretsProvider(current, file) is { } secretsProvider)
        {
            snapshot = snapshot with { SecretsProvider = secretsProvider };
        }

        WriteStackFile(stack, snapshot, crypter, cancellationToken);
    }

    /// <summary>
    /// Starts a non-preview operation: takes the stack lock, loads the deployment and returns a session
    /// that records pending operations and saves after every step. Preview must not use this: it does
    /// not lock and writes nothing (use <see cref="LoadAsync"/>).
    /// </summary>
    public async Task<StackUpdateSession> BeginUpdateAsync(
        StackReference stack,
        UpdateKind kind,
        ISecretsCrypter? crypter,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stack);
        if (kind == UpdateKind.Preview)
        {
            throw new ArgumentException("kind: a preview neither locks nor writes state; read it with LoadAsync instead (was Preview).", nameof(kind));
        }

        var start = _options.TimeProvider.GetUtcNow();
        var stackLock = await AcquireLockAsync(stack, cancellationToken).ConfigureAwait(false);
        try
        {
            var snapshot = await LoadAsync(stack, crypter, cancellationToken).ConfigureAwait(false)
                ?? StackSnapshot.CreateEmpty(NewManifest(), secretsProvider: null);
            return new StackUpdateSession(this, stack, kind, crypter, stackLock, snapshot, start);
        }
        catch
        {
            stackLock.Release();
            throw;
        }
    }

    private void WriteStackFile(StackReference stack, StackSnapshot snapshot, ISecretsCrypter? crypter, CancellationToken cancellationToken)
    {
        var stamped = snapshot with
        {
            Manifest = SnapshotManifest.Create(_options.TimeProvider.GetUtcNow(), _options.EngineVersion) with
            {
                Plugins = snapshot.Manifest.Plugins,
            },
        };

        // Check before touching anything on disk.
        StateIntegrity.ThrowIfInvalid(stamped, $"the state of stack '{stack}'");

        var target = StackFileBase(stack) + (_options.Gzip ? ".json.gz" : ".json");
        var previous = FindStackFile(stack);
        if (previous is not null)
        {
            File.Copy(previous, previous + ".bak", overwrite: true);
        }

        WriteFileAtomically(
            target,
            stream =>
            {
                if (_options.Gzip)
                {
                    using var gzip = new GZipStream(stream, CompressionLevel.Fastest, leaveOpen: true);
                    CheckpointSerializer.WriteCheckpoint(gzip, stack.FullyQualifiedName, stamped, crypter, alreadyChecked: true);
                }
                else
                {
                    CheckpointSerializer.WriteCheckpoint(stream, stack.FullyQualifiedName, stamped, crypter, alreadyChecked: true);
                }
            },
            cancellationToken);

        // Only one variant may exist per stack.
        foreach (var extension in StackFileExtensions)
        {
            var other = StackFileBase(stack) + extension;
            if (other != target)
            {
                TryDelete(other);
            }
        }
    }
}
