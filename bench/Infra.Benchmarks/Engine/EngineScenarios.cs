using System.Globalization;
using Infra.Engine.Deployments;
using Infra.Engine.Deployments.Events;
using Infra.Engine.Planning;
using Infra.Engine.Providers;

namespace Infra.Benchmarks.Engine;

/// <summary>
/// Engine goals of issue 3, end to end through <see cref="DeploymentEngine"/> with a real program process:
/// preview of 1,000 resources (≤ 10 s, ≤ 20 ms per resource), up of a wide 200-resource graph with
/// 50 ms creates at parallel 32 (≤ 1.2 × critical path), and peak memory with 10,000 resources in state (≤ 500 MB).
/// </summary>
public static class EngineScenarios
{
    public static async Task<int> PreviewAsync(string[] args)
    {
        var count = Arg(args, 0, 1_000);
        using var workspace = new EngineWorkspace();
        await workspace.RunAsync(OperationKind.Preview, "registration:10", 8);
        OperationResult? result = null;
        var (elapsed, peak) = await Scenario.MeasureAsync(async () => result = await workspace.RunAsync(OperationKind.Preview, $"registration:{count}", 32));
        var steps = StepWindow(workspace);
        Print($"engine-preview: {result!.Counts.GetValueOrDefault(StepKind.Create)} creates planned in {elapsed.TotalMilliseconds:F0} ms end to end " +
              $"({elapsed.TotalMilliseconds / count:F2} ms per resource; steps from first to last {steps.TotalMilliseconds:F0} ms), peak working set {Mb(peak)} MB");
        return 0;
    }

    public static async Task<int> UpWideAsync(string[] args)
    {
        var count = Arg(args, 0, 200);
        var delay = TimeSpan.FromMilliseconds(Arg(args, 1, 50));
        var parallel = Arg(args, 2, 32);
        using var workspace = new EngineWorkspace();
        workspace.Provider.SetDelay(ProviderOperation.Create, delay);
        OperationResult? result = null;
        var (elapsed, peak) = await Scenario.MeasureAsync(async () => result = await workspace.RunAsync(OperationKind.Update, $"wide:{count}", parallel));
        var creates = CreateWindow(workspace);
        var critical = delay * Math.Ceiling(count / (double)parallel);
        Print($"engine-up-wide: {result!.Counts.GetValueOrDefault(StepKind.Create)} creates, {delay.TotalMilliseconds:F0} ms each, parallel {parallel}: " +
              $"first create start to last create end {creates.TotalMilliseconds:F0} ms vs critical path {critical.TotalMilliseconds:F0} ms " +
              $"(ratio {creates / critical:F2}); end to end {elapsed.TotalMilliseconds:F0} ms; max concurrent creates {workspace.Provider.MaxConcurrency}; peak working set {Mb(peak)} MB");
        if (args.Contains("--timeline"))
        {
            PrintTimeline(workspace);
        }

        return 0;
    }

    public static async Task<int> StateAsync(string[] args)
    {
        var count = Arg(args, 0, 10_000);
        using var workspace = new EngineWorkspace();
        await workspace.SeedWideStateAsync(count);
        OperationResult? result = null;
        var (elapsed, peak) = await Scenario.MeasureAsync(async () => result = await workspace.RunAsync(OperationKind.Update, $"wide:{count}", 32));
        var size = new FileInfo(workspace.StateFile).Length;
        Print($"engine-state: up over {count} resources already in state ({size / (1024.0 * 1024.0):F1} MB state file): " +
              $"{result!.Counts.GetValueOrDefault(StepKind.Same)} same in {elapsed.TotalMilliseconds:F0} ms, engine process peak working set {Mb(peak)} MB");
        return result.Counts.GetValueOrDefault(StepKind.Same) == count + 2 ? 0 : 1;
    }

    /// <summary>Create starts and ends per 10 ms bin from the first start: waves show as bursts, a slow registration stream as a trickle.</summary>
    private static void PrintTimeline(EngineWorkspace workspace)
    {
        var creates = workspace.Steps.Where(s => s.Event.Kind == StepKind.Create && s.Event.Type == "bench:index:Resource").ToList();
        var origin = creates.Where(s => s.Event.Phase == StepPhase.Started).Min(s => s.Timestamp);
        foreach (var bin in creates
            .GroupBy(s => (int)(TimeProvider.System.GetElapsedTime(origin, s.Timestamp).TotalMilliseconds / 10))
            .OrderBy(g => g.Key))
        {
            var started = bin.Count(s => s.Event.Phase == StepPhase.Started);
            var ended = bin.Count(s => s.Event.Phase == StepPhase.Succeeded);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {bin.Key * 10,5} ms  started {started,3}  ended {ended,3}"));
        }
    }

    private static TimeSpan StepWindow(EngineWorkspace workspace) =>
        workspace.Steps.Count == 0 ? TimeSpan.Zero : TimeProvider.System.GetElapsedTime(workspace.Steps.Min(s => s.Timestamp), workspace.Steps.Max(s => s.Timestamp));

    private static TimeSpan CreateWindow(EngineWorkspace workspace)
    {
        var creates = workspace.Steps.Where(s => s.Event.Kind == StepKind.Create && s.Event.Type == "bench:index:Resource").ToList();
        var start = creates.Where(s => s.Event.Phase == StepPhase.Started).Min(s => s.Timestamp);
        var end = creates.Where(s => s.Event.Phase == StepPhase.Succeeded).Max(s => s.Timestamp);
        return TimeProvider.System.GetElapsedTime(start, end);
    }

    private static int Arg(string[] args, int index, int fallback) =>
        args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;

    private static string Mb(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("F0", CultureInfo.InvariantCulture);

    private static void Print(string line) => Console.WriteLine(line + string.Create(CultureInfo.InvariantCulture, $", {Environment.ProcessorCount} cores"));
}
