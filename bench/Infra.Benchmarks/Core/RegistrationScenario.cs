using System.Globalization;
using Infra.Testing;

namespace Infra.Benchmarks.Core;

/// <summary>Issue goal: 10,000 registrations under mocks in at most 2 s and 400 MB peak on 2 cores.</summary>
public static class RegistrationScenario
{
    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;

        // Warm up the JIT and reflection caches with a small run, as a real program's first resources would.
        await Deployment.TestAsync(new BenchMocks(), new TestOptions { IsPreview = false }, () => RegistrationProgram.Create(100));

        StackTestResult? result = null;
        var (elapsed, peak) = await Scenario.MeasureAsync(async () =>
        {
            result = await Deployment.TestAsync(new BenchMocks(), new TestOptions { IsPreview = false }, () => RegistrationProgram.Create(count));
        });

        var registered = result!.Registrations.Count(r => r.Type == "bench:index:Resource");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"register: {registered} resources in {elapsed.TotalMilliseconds:F0} ms, peak working set {peak / (1024.0 * 1024.0):F0} MB, {Environment.ProcessorCount} cores"));
        return registered == count ? 0 : 1;
    }
}
