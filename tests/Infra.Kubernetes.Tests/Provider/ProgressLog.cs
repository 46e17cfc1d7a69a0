namespace Infra.Kubernetes.Tests.Provider;

/// <summary>Collects progress messages synchronously.</summary>
internal sealed class ProgressLog : IProgress<string>
{
    private readonly Lock _gate = new();
    private readonly List<string> _messages = [];

    public IReadOnlyList<string> Messages
    {
        get
        {
            lock (_gate)
            {
                return [.. _messages];
            }
        }
    }

    public void Report(string value)
    {
        lock (_gate)
        {
            _messages.Add(value);
        }
    }
}
