using Infra.Protocol.Rpc;

namespace Infra.Runtime;

/// <summary>
/// Sends diagnostics to the engine in order, counts errors, and falls back to stderr when logging
/// itself fails (never logging that failure through the engine again).
/// </summary>
internal sealed class EngineLogger(IEngine engine, TextWriter fallback) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private int _errorCount;
    private volatile bool _loggingFailed;

    public int ErrorCount => Volatile.Read(ref _errorCount);

    public bool LoggingFailed => _loggingFailed;

    public void Dispose() => _gate.Dispose();

    public async Task LogAsync(LogSeverity severity, string message, string urn = "", bool ephemeral = false)
    {
        if (severity == LogSeverity.Error)
        {
            Interlocked.Increment(ref _errorCount);
        }

        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_loggingFailed)
            {
                await fallback.WriteLineAsync($"{severity}: {message}").ConfigureAwait(false);
                return;
            }

            await engine.LogAsync(new LogRequest { Severity = severity, Message = message, Urn = urn, Ephemeral = ephemeral })
                .ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _loggingFailed = true;
            await fallback.WriteLineAsync($"error: logging to the engine failed ({e.Message}); {severity}: {message}").ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }
}
