using Infra.Conformance.Tests.Fakes;
using System.Collections.Immutable;
using Infra.Runtime;

namespace Infra.Conformance.Tests.Program;

/// <summary>Runs an Infra program in-process over real gRPC against a <see cref="StrictEngine"/>.</summary>
internal static class ProgramHarness
{
    public static async Task<ProgramRun> RunAsync(StrictEngineOptions options, Func<Task<IDictionary<string, object?>>> program)
    {
        var engine = await StrictEngine.StartAsync(options, TestContext.Current.CancellationToken);
        var environment = engine.GetProgramEnvironment();
        var settings = DeploymentSettings.FromEnvironment(name => environment.GetValueOrDefault(name), out var problem)
            ?? throw new InvalidOperationException(problem);
        using var monitorChannel = GrpcChannels.Create(settings.MonitorAddress);
        using var engineChannel = GrpcChannels.Create(settings.EngineAddress);
        using var stderr = new StringWriter();
        var outcome = await Task.Run(() => Deployment.RunCoreAsync(
            settings,
            new GrpcMonitor(monitorChannel),
            new GrpcEngine(engineChannel),
            stderr,
            async _ =>
            {
                var stack = new CallbackStack();
                stack.Outputs = (await program()).ToDictionary().ToImmutableDictionary();
                return stack;
            }));
        return new ProgramRun(engine, outcome.ExitCode, stderr.ToString());
    }

    public static Task<ProgramRun> RunAsync(StrictEngineOptions options, Action program) =>
        RunAsync(options, () =>
        {
            program();
            return Task.FromResult<IDictionary<string, object?>>(new Dictionary<string, object?>());
        });
}
