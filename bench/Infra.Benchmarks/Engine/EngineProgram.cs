using System.Globalization;
using Infra.Benchmarks.Core;

namespace Infra.Benchmarks.Engine;

/// <summary>
/// The benchmark's own executable doubles as the Infra program the engine launches
/// (Pulumi.yaml <c>runtime.options.binary</c> = this DLL): <c>INFRA_BENCH_PROGRAM</c> says which shape.
/// </summary>
public static class EngineProgram
{
    public const string Variable = "INFRA_BENCH_PROGRAM";

    /// <summary>Whether this process was started by the engine as a benchmark program.</summary>
    public static bool IsRequested => Environment.GetEnvironmentVariable(Variable) is not null;

    /// <summary>Runs <c>registration:N</c> (the 10-input resources, every tenth depending on the previous) or <c>wide:N</c> (independent resources).</summary>
    public static Task<int> RunAsync()
    {
        var spec = Environment.GetEnvironmentVariable(Variable) ?? "registration:10";
        var parts = spec.Split(':');
        var count = int.Parse(parts[1], CultureInfo.InvariantCulture);
        return parts[0] == "wide"
            ? Deployment.RunAsync(() =>
            {
                for (var i = 0; i < count; i++)
                {
                    _ = new BenchResource($"w{i}", new BenchArgs { Name = $"w{i}", Index = i });
                }
            })
            : Deployment.RunAsync(() => RegistrationProgram.Create(count));
    }
}
