using System.Diagnostics;

namespace Infra.Benchmarks;

/// <summary>Measures one run of a scenario: wall time and the process's peak working set.</summary>
public static class Scenario
{
    public static async Task<(TimeSpan Elapsed, long PeakBytes)> MeasureAsync(Func<Task> run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var stopwatch = Stopwatch.StartNew();
        await run();
        stopwatch.Stop();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return (stopwatch.Elapsed, process.PeakWorkingSet64);
    }
}
