using System.Globalization;

namespace Infra.Engine.State;

internal sealed partial class LocalBackend
{
    /// <summary>
    /// Records a finished non-preview operation: a full copy of the state file under
    /// <c>backups/&lt;project&gt;/&lt;stack&gt;/&lt;stack&gt;.&lt;unix-nanos&gt;.json</c> (unless disabled), and under
    /// <c>history/&lt;project&gt;/&lt;stack&gt;/</c> the entry <c>&lt;stack&gt;-&lt;unix-nanos&gt;.history.json</c> plus a
    /// copy of the state as <c>&lt;stack&gt;-&lt;unix-nanos&gt;.checkpoint.json</c>. Previews are never recorded.
    /// </summary>
    public Task RecordOperationAsync(StackReference stack, UpdateRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stack);
        ArgumentNullException.ThrowIfNull(record);
        if (record.Kind == UpdateKind.Preview)
        {
            throw new ArgumentException("record.Kind: previews are never recorded in history (was Preview).", nameof(record));
        }

        cancellationToken.ThrowIfCancellationRequested();
        EnsureLayout(create: true);
        var file = FindStackFile(stack) ?? throw NotFound(stack);
        var extension = file.EndsWith(".json.gz", StringComparison.Ordinal) ? ".json.gz"
            : file.EndsWith(".json.zst", StringComparison.Ordinal) ? ".json.zst"
            : ".json";
        var nanos = StateTime.UnixNanoseconds(_options.TimeProvider.GetUtcNow()).ToString(CultureInfo.InvariantCulture);

        if (!_options.DisableCheckpointBackups)
        {
            var backups = BackupDirectory(stack);
            Directory.CreateDirectory(backups);
            File.Copy(file, Path.Combine(backups, $"{stack.Name}.{nanos}{extension}"), overwrite: true);
        }

        var historyDirectory = HistoryDirectory(stack);
        Directory.CreateDirectory(historyDirectory);
        var version = Directory.EnumerateFiles(historyDirectory, "*.history.json").Count() + 1;
        var historyPath = Path.Combine(historyDirectory, $"{stack.Name}-{nanos}.history.json");
        WriteFileAtomically(historyPath, stream => WriteHistory(stream, record, version), cancellationToken);
        var checkpointExtension = extension.Replace(".json", ".checkpoint.json", StringComparison.Ordinal);
        File.Copy(file, Path.Combine(historyDirectory, $"{stack.Name}-{nanos}{checkpointExtension}"), overwrite: true);
        return Task.CompletedTask;
    }

    /// <summary>The current time of the backend's clock.</summary>
    internal DateTimeOffset Now() => _options.TimeProvider.GetUtcNow();

    /// <summary>Waits <see cref="LocalBackendOptions.SaveCoalescingDelay"/> (nothing when it is zero).</summary>
    internal Task CoalesceSavesAsync() =>
        _options.SaveCoalescingDelay > TimeSpan.Zero
            ? Task.Delay(_options.SaveCoalescingDelay, _options.TimeProvider, CancellationToken.None)
            : Task.CompletedTask;

    private static void WriteHistory(Stream stream, UpdateRecord record, int version)
    {
        using var writer = new StateJsonWriter(stream, indentSize: 4);
        writer.WriteStartObject();
        writer.WriteString("kind", UpdateRecord.KindName(record.Kind));
        writer.WriteNumber("startTime", record.StartTime.ToUnixTimeSeconds());
        writer.WriteString("message", record.Message);
        writer.WritePropertyName("environment");
        writer.WriteStartObject();
        foreach (var (key, value) in record.Environment.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            writer.WriteString(key, value);
        }

        writer.WriteEndObject();
        writer.WritePropertyName("config");
        writer.WriteStartObject();
        foreach (var (key, value) in record.Config.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            writer.WritePropertyName(key);
            if (value.Secure)
            {
                writer.WriteStartObject();
                writer.WriteString("secure", value.Value);
                writer.WriteEndObject();
            }
            else
            {
                writer.WriteStringValue(value.Value);
            }
        }

        writer.WriteEndObject();
        writer.WriteNumber("version", (long)version);
        writer.WriteString("result", UpdateRecord.ResultName(record.Result));
        writer.WriteNumber("endTime", record.EndTime.ToUnixTimeSeconds());
        if (record.ResourceChanges.Count > 0)
        {
            writer.WritePropertyName("resourceChanges");
            writer.WriteStartObject();
            foreach (var (operation, count) in record.ResourceChanges.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                writer.WriteNumber(operation, (long)count);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        writer.Flush();
    }
}
