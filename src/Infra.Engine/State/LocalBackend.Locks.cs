using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Infra.Engine.State;

internal sealed partial class LocalBackend
{
    /// <summary>
    /// Takes the stack's lock, interoperable with the Pulumi CLI's: (1) list
    /// <c>.pulumi/locks/organization/&lt;project&gt;/&lt;stack&gt;/</c>; any file other than ours means the stack is
    /// locked; (2) write ours, <c>&lt;lock-id&gt;.json</c> = <c>{"pid","username","hostname","timestamp"}</c>;
    /// (3) list again, and if another lock appeared meanwhile, delete ours and fail.
    /// Used by update, refresh, destroy, import and stack create/remove. <c>preview</c> never locks.
    /// </summary>
    /// <exception cref="StackLockedException">Another process holds a lock; the message names each holder.</exception>
    public Task<StackLock> AcquireLockAsync(StackReference stack, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stack);
        cancellationToken.ThrowIfCancellationRequested();
        EnsureLayout(create: true);
        var directory = LockDirectory(stack);
        var ownPath = Path.Combine(directory, LockId + ".json");
        if (_heldLocks.ContainsKey(stack.FullyQualifiedName))
        {
            throw new InvalidOperationException($"This process already holds the lock of stack '{stack}'.");
        }

        ThrowIfLockedByOthers(stack, directory, ownPath);

        var identity = _options.ProcessIdentity;
        var content = new StateJsonWriter();
        content.WriteStartObject();
        content.WriteNumber("pid", (long)identity.ProcessId);
        content.WriteString("username", identity.UserName);
        content.WriteString("hostname", identity.HostName);
        content.WriteString("timestamp", StateTime.FormatNano(_options.TimeProvider.GetUtcNow()));
        content.WriteEndObject();
        var bytes = content.ToArray();
        content.Dispose();
        WriteFileAtomically(ownPath, stream => stream.Write(bytes), cancellationToken);

        try
        {
            ThrowIfLockedByOthers(stack, directory, ownPath);
        }
        catch
        {
            TryDelete(ownPath);
            throw;
        }

        var handle = new StackLock(stack, ownPath, () =>
        {
            _heldLocks.TryRemove(stack.FullyQualifiedName, out _);
            TryDelete(ownPath);
        });
        _heldLocks[stack.FullyQualifiedName] = handle;
        return Task.FromResult(handle);
    }

    /// <summary>The locks currently held on the stack (by any process), sorted by file name.</summary>
    public Task<ImmutableArray<LockInfo>> ListLocksAsync(StackReference stack, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stack);
        cancellationToken.ThrowIfCancellationRequested();
        var directory = LockDirectory(stack);
        return Task.FromResult(LockFiles(directory).Select(ReadLock).ToImmutableArray());
    }

    /// <summary><c>cancel</c>: deletes every lock file of the stack, ours and other processes'.</summary>
    public Task CancelAsync(StackReference stack, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stack);
        cancellationToken.ThrowIfCancellationRequested();
        var directory = LockDirectory(stack);
        if (Directory.Exists(directory))
        {
            foreach (var file in Directory.EnumerateFiles(directory))
            {
                TryDelete(file);
            }
        }

        return Task.CompletedTask;
    }

    private static IEnumerable<string> LockFiles(string directory) =>
        Directory.Exists(directory)
            ? Directory.EnumerateFiles(directory)
                .Where(f => !f.EndsWith(".attrs", StringComparison.Ordinal) && !Path.GetFileName(f).StartsWith('.'))
                .Order(StringComparer.Ordinal)
            : [];

    private void ThrowIfLockedByOthers(StackReference stack, string directory, string ownPath)
    {
        var others = LockFiles(directory).Where(f => f != ownPath).ToList();
        if (others.Count == 0)
        {
            return;
        }

        var holders = others.Select(ReadLock).ToImmutableArray();
        var message = new StringBuilder();
        message.Append(CultureInfo.InvariantCulture, $"the stack is currently locked by {holders.Length} lock(s). Either wait for the other process(es) to end or delete the lock file with `{_options.CancelCommand}`.");
        foreach (var holder in holders)
        {
            message.Append(CultureInfo.InvariantCulture, $"\n  {Url}/{holder.Key}: created by {holder.UserName}@{holder.HostName} (pid {holder.ProcessId}) at {StateTime.FormatSeconds(holder.Timestamp)}");
        }

        throw new StackLockedException(message.ToString(), holders);
    }

    private LockInfo ReadLock(string path)
    {
        var key = Path.GetRelativePath(RootDirectory, path).Replace('\\', '/');
        var pid = 0;
        string user = "?", host = "?";
        var timestamp = DateTimeOffset.UnixEpoch;
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = document.RootElement;
            if (root.TryGetProperty("pid", out var pidElement) && pidElement.TryGetInt32(out var p))
            {
                pid = p;
            }

            if (root.TryGetProperty("username", out var userElement) && userElement.ValueKind == JsonValueKind.String)
            {
                user = userElement.GetString()!;
            }

            if (root.TryGetProperty("hostname", out var hostElement) && hostElement.ValueKind == JsonValueKind.String)
            {
                host = hostElement.GetString()!;
            }

            if (root.TryGetProperty("timestamp", out var timeElement)
                && timeElement.ValueKind == JsonValueKind.String
                && StateTime.TryParse(timeElement.GetString()!, out var parsed))
            {
                timestamp = parsed;
            }
        }
        catch (Exception exception) when (exception is JsonException or IOException)
        {
            // An unreadable lock still locks the stack; report it with what is known.
        }

        return new LockInfo(key, pid, user, host, timestamp);
    }
}
