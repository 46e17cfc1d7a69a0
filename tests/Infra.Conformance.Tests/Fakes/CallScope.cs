namespace Infra.Conformance.Tests.Fakes;

/// <summary>Marks one request as in flight until disposed.</summary>
internal sealed class CallScope(EngineState state, RecordedRequest request) : IDisposable
{
    private int _disposed;

    public RecordedRequest Request { get; } = request;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            state.EndCall();
        }
    }
}
