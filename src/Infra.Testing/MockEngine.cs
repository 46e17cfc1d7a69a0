using System.Collections.Concurrent;
using Infra.Protocol.Rpc;
using Infra.Runtime;

namespace Infra.Testing;

/// <summary>The in-process engine service of test runs: records diagnostics.</summary>
internal sealed class MockEngine : IEngine
{
    private readonly ConcurrentQueue<TestLogEntry> _logs = new();

    public IReadOnlyCollection<TestLogEntry> Logs => _logs;

    public Task LogAsync(LogRequest request)
    {
        _logs.Enqueue(new TestLogEntry(request.Severity.ToString().ToLowerInvariant(), request.Message, request.Urn));
        return Task.CompletedTask;
    }
}
