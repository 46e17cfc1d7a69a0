using System.Runtime.InteropServices;

namespace Infra.Cli.Hosting;

/// <summary>
/// Ctrl+C and SIGTERM as Pulumi users know them: the first signal cancels the command gracefully (no new
/// steps start, steps already talking to a provider finish and are saved, the stack lock is released);
/// a second signal ends the process at once, leaving pending operations in state for the next run to report.
/// </summary>
internal sealed class InterruptHandler : IDisposable
{
    private readonly CancellationTokenSource _cancellation = new();
    private readonly TextWriter _error;
    private readonly PosixSignalRegistration[] _registrations;
    private int _signals;

    private InterruptHandler(TextWriter error)
    {
        _error = error;
        _registrations =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal),
        ];
    }

    /// <summary>Cancelled by the first SIGINT or SIGTERM.</summary>
    public CancellationToken Token => _cancellation.Token;

    /// <summary>Starts listening for SIGINT and SIGTERM; messages go to <paramref name="error"/>.</summary>
    public static InterruptHandler Register(TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new InterruptHandler(error);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _cancellation.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        if (Interlocked.Increment(ref _signals) > 1)
        {
            _error.WriteLine("Second interrupt: exiting now. Operations still in flight stay recorded as pending in state; the next run reports them.");
            _error.Flush();
            return;
        }

        context.Cancel = true;
        _error.WriteLine($"Received {context.Signal}: finishing the operations in flight and saving state. Press Ctrl+C again to exit immediately.");
        _error.Flush();
        _cancellation.Cancel();
    }
}
