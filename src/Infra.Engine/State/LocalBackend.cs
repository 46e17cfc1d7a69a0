using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text.Json;
using Infra.Engine.Secrets;

namespace Infra.Engine.State;

/// <summary>
/// The local ("DIY") file backend of pulumi-formats.md §4.7, rooted at a directory that holds
/// <c>.pulumi/</c> in the project-scoped layout (<c>meta.yaml</c> <c>version: 1</c>):
/// <c>stacks/&lt;project&gt;/&lt;stack&gt;.json</c>, <c>.json.bak</c> before every save, <c>backups/</c> and
/// <c>history/</c> after each non-preview operation, and one lock per stack under <c>locks/</c>.
/// Files written here are interchangeable with the Pulumi CLI's.
/// </summary>
internal sealed partial class LocalBackend
{
    private const string BookkeepingDirectory = ".pulumi";
    private static readonly string[] StackFileExtensions = [".json", ".json.gz", ".json.zst"];

    private readonly LocalBackendOptions _options;
    private readonly ConcurrentDictionary<string, StackLock> _heldLocks = new(StringComparer.Ordinal);
    private readonly object _layoutGate = new();
    private bool _layoutChecked;

    public LocalBackend(string rootDirectory, LocalBackendOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(rootDirectory);
        RootDirectory = Path.TrimEndingDirectorySeparator(Path.GetFullPath(rootDirectory));
        _options = options ?? new LocalBackendOptions();
        LockId = _options.LockId ?? Guid.NewGuid().ToString("D");
        Url = _options.Url ?? "file://" + RootDirectory.Replace('\\', '/');
    }

    /// <summary>The directory that holds <c>.pulumi/</c>.</summary>
    public string RootDirectory { get; }

    /// <summary>The backend URL (<c>file://&lt;root&gt;</c>), as shown in lock errors.</summary>
    public string Url { get; }

    /// <summary>This backend's lock file name (without <c>.json</c>).</summary>
    public string LockId { get; }

    private string PulumiDirectory => Path.Combine(RootDirectory, BookkeepingDirectory);

    /// <summary>The stacks of <paramref name="project"/> (or of every project), sorted by project then name.</summary>
    public Task<ImmutableArray<StackReference>> ListStacksAsync(string? project = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        EnsureLayout(create: false);
        var stacksRoot = Path.Combine(PulumiDirectory, "stacks");
        var result = new List<StackReference>();
        if (Directory.Exists(stacksRoot))
        {
            IEnumerable<string> projects = project is null
                ? Directory.EnumerateDirectories(stacksRoot).Select(d => Path.GetFileName(d)!)
                : [project];
            foreach (var projectName in projects)
            {
                var directory = Path.Combine(stacksRoot, projectName);
                if (!Directory.Exists(directory))
                {
                    continue;
                }

                var names = new SortedSet<string>(StringComparer.Ordinal);
                foreach (var file in Directory.EnumerateFiles(directory))
                {
                    var fileName = Path.GetFileName(file);
                    foreach (var extension in StackFileExtensions)
                    {
                        if (fileName.EndsWith(extension, StringComparison.Ordinal) && fileName.Length > extension.Length)
                        {
                            names.Add(fileName[..^extension.Length]);
                            break;
                        }
                    }
                }

                result.AddRange(names.Select(name => new StackReference(projectName, name)));
            }
        }

        return Task.FromResult(result
            .OrderBy(s => s.Project, StringComparer.Ordinal)
            .ThenBy(s => s.Name, StringComparer.Ordinal)
            .ToImmutableArray());
    }

    /// <summary>Whether the stack has a state file.</summary>
    public Task<bool> StackExistsAsync(StackReference stack, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stack);
        cancellationToken.ThrowIfCancellationRequested();
        EnsureLayout(create: false);
        return Task.FromResult(FindStackFile(stack) is not null);
    }

    /// <summary>
    /// Creates a stack and writes its state file at once, holding only the manifest, the secrets
    /// provider and empty metadata. Takes the stack lock while it does.
    /// </summary>
    /// <exception cref="StateStoreException">The stack already exists.</exception>
    public async Task CreateStackAsync(StackReference stack, SecretsProviderState? secretsProvider, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stack);
        EnsureLayout(create: true);
        await using var stackLock = await AcquireLockAsync(stack, cancellationToken).ConfigureAwait(false);
        if (FindStackFile(stack) is not null)
        {
            throw new StateStoreException($"stack '{stack}' already exists");
        }

        var snapshot = StackSnapshot.CreateEmpty(NewManifest(), secretsProvider);
        WriteStackFile(stack, snapshot, crypter: null, cancellationToken);
    }

    /// <summary>
    /// Removes a stack's state (its file, <c>.bak</c>, tags and history; backups are kept). Refuses while
    /// the stack still has resources unless <paramref name="force"/> is set. Takes the stack lock.
    /// </summary>
    public async Task RemoveStackAsync(StackReference stack, bool force = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stack);
        EnsureLayout(create: true);
        await using var stackLock = await AcquireLockAsync(stack, cancellationToken).ConfigureAwait(false);
        var file = FindStackFile(stack) ?? throw NotFound(stack);
        if (!force)
        {
            var count = CountResources(await File.ReadAllBytesAsync(file, cancellationToken).ConfigureAwait(false), file);
            if (count > 0)
            {
                throw new StateStoreException(
                    $"stack '{stack}' still has {count} resource(s); removal rejected. Destroy them first, or force the removal (the resources then stay where they are, without state).");
            }
        }

        foreach (var extension in StackFileExtensions)
        {
            var path = StackFileBase(stack) + extension;
            TryDelete(path);
            TryDelete(path + ".bak");
        }

        TryDelete(StackFileBase(stack) + ".pulumi-tags");
        var history = HistoryDirectory(stack);
        if (Directory.Exists(history))
        {
            Directory.Delete(history, recursive: true);
        }
    }

    private static void TryDelete(string path)
    {
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }

    private static StateStoreException NotFound(StackReference stack) => new($"stack '{stack}' does not exist");

    private static int CountResources(byte[] data, string source)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(CheckpointSerializer.Decompress(data, source), CheckpointSerializer.DocumentOptions);
        }
        catch (JsonException exception)
        {
            throw new StateFormatException($"{source}: the state is not valid JSON: {exception.Message}", exception);
        }

        using var owner = document;
        var root = document.RootElement;
        var checkpoint = root.TryGetProperty("checkpoint", out var c) ? c : root;
        return checkpoint.ValueKind == JsonValueKind.Object
            && checkpoint.TryGetProperty("latest", out var latest)
            && latest.ValueKind == JsonValueKind.Object
            && latest.TryGetProperty("resources", out var resources)
            && resources.ValueKind == JsonValueKind.Array
                ? resources.GetArrayLength()
                : 0;
    }

    private SnapshotManifest NewManifest() => SnapshotManifest.Create(_options.TimeProvider.GetUtcNow(), _options.EngineVersion);

    private string StacksDirectory(StackReference stack) => Path.Combine(PulumiDirectory, "stacks", stack.Project);

    private string StackFileBase(StackReference stack) => Path.Combine(StacksDirectory(stack), stack.Name);

    private string BackupDirectory(StackReference stack) => Path.Combine(PulumiDirectory, "backups", stack.Project, stack.Name);

    private string HistoryDirectory(StackReference stack) => Path.Combine(PulumiDirectory, "history", stack.Project, stack.Name);

    private string LockDirectory(StackReference stack) =>
        Path.Combine(PulumiDirectory, "locks", StackReference.Organization, stack.Project, stack.Name);

    /// <summary>The stack's state file; when several variants exist the newest wins.</summary>
    private string? FindStackFile(StackReference stack)
    {
        var fileBase = StackFileBase(stack);
        return StackFileExtensions
            .Select(extension => fileBase + extension)
            .Where(File.Exists)
            .OrderByDescending(File.GetLastWriteTimeUtc)
            .FirstOrDefault();
    }

    /// <summary>
    /// Checks the store's layout once: a <c>meta.yaml</c> with <c>version: 1</c> is required; a new, empty
    /// store gets one (when <paramref name="create"/>); the legacy layout (stacks directly under
    /// <c>stacks/</c>, no meta file) is refused.
    /// </summary>
    private void EnsureLayout(bool create)
    {
        lock (_layoutGate)
        {
            if (_layoutChecked)
            {
                return;
            }

            var metaPath = Path.Combine(PulumiDirectory, "meta.yaml");
            if (File.Exists(metaPath))
            {
                var version = ReadMetaVersion(metaPath);
                if (version != 1)
                {
                    throw new StateStoreException(
                        $"{metaPath}: the state store has layout version {version}; this engine supports only version 1 (project-scoped stacks).");
                }

                _layoutChecked = true;
                return;
            }

            var stacksRoot = Path.Combine(PulumiDirectory, "stacks");
            if (Directory.Exists(stacksRoot)
                && Directory.EnumerateFiles(stacksRoot).Any(f => StackFileExtensions.Any(e => f.EndsWith(e, StringComparison.Ordinal))))
            {
                throw new StateStoreException(
                    $"{PulumiDirectory}: the state store uses the legacy layout (stacks directly under 'stacks/', no meta.yaml), which this engine does not support; upgrade it with `pulumi state upgrade`.");
            }

            if (create)
            {
                Directory.CreateDirectory(PulumiDirectory);
                WriteFileAtomically(metaPath, stream => stream.Write("version: 1\n"u8), CancellationToken.None);
                _layoutChecked = true;
            }
        }
    }

    private static int ReadMetaVersion(string metaPath)
    {
        foreach (var rawLine in File.ReadAllLines(metaPath))
        {
            var line = rawLine.Trim();
            if (!line.StartsWith("version:", StringComparison.Ordinal))
            {
                continue;
            }

            var value = line["version:".Length..].Trim().Trim('"', '\'');
            if (int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var version))
            {
                return version;
            }

            throw new StateStoreException($"{metaPath}: 'version' must be an integer (was '{value}').");
        }

        // An empty meta file means the legacy layout.
        return 0;
    }

    /// <summary>Writes a file via a temporary file in the same directory, flushed to disk, then renamed over the target.</summary>
    private static void WriteFileAtomically(string path, Action<Stream> write, CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024))
            {
                write(stream);
                cancellationToken.ThrowIfCancellationRequested();
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }
}
