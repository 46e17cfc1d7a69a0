using BenchmarkDotNet.Attributes;
using Infra;

namespace Infra.Benchmarks.Core;

/// <summary>Micro-benchmarks of the output model and a 1,000-resource registration.</summary>
[MemoryDiagnoser]
public class OutputBenchmarks
{
    [Benchmark]
    public Task<int> ApplyChain() => Output.Create(1).Apply(v => v + 1).Apply(v => v * 2).DataTask.ContinueWith(t => t.Result.Value, TaskScheduler.Default);

    [Benchmark]
    public async Task<int> Register1000()
    {
        var result = await Infra.Testing.DeploymentTestExtensions.TestAsync(new BenchMocks(), new Infra.Testing.TestOptions { IsPreview = false }, () => RegistrationProgram.Create(1000));
        return result.Registrations.Length;
    }
}
