using Infra.Conformance.Tests.Fakes;

namespace Infra.Conformance.Tests.Program;

/// <summary>The engine a program ran against and how the program ended.</summary>
internal sealed record ProgramRun(StrictEngine Engine, int ExitCode, string Stderr) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => Engine.DisposeAsync();
}
