using System.Diagnostics;
using System.Globalization;
using Infra.Engine.State;
using Infra.Protocol.Values;

namespace Infra.Benchmarks.Engine;

/// <summary>
/// <c>engine-save [count] [saves]</c>: the cost of one state save (the unit every step waits for) with
/// <c>count</c> resources in state, split into its parts: the whole save, the <c>.bak</c> copy, and a plain
/// write of the same bytes with and without flushing to disk.
/// </summary>
internal static class SaveScenario
{
    public static async Task<int> RunAsync(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200;
        var saves = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100;
        // Without the coalescing delay: this measures the write itself, one caller at a time.
        using var workspace = new EngineWorkspace(coalesceSaves: false);
        await workspace.SeedWideStateAsync(count);
        var session = await workspace.Backend.BeginUpdateAsync(workspace.Stack, UpdateKind.Update, new BenchCrypter());
        var total = Stopwatch.StartNew();
        await using (session.ConfigureAwait(false))
        {
            for (var i = 0; i < saves; i++)
            {
                var index = i % count;
                await session.UpdateAsync(s =>
                {
                    var resource = s.Resources[index + 2];
                    return s.WithResource(resource with { Outputs = resource.Outputs.SetItem("computed", PropertyValue.Create($"v{i}")) });
                });
            }

            total.Stop();
            await session.FinishAsync(Infra.Engine.State.UpdateResult.Succeeded);
        }

        var bytes = await File.ReadAllBytesAsync(workspace.StateFile);
        var copy = Time(saves, () => File.Copy(workspace.StateFile, workspace.StateFile + ".copy", overwrite: true));
        var write = Time(saves, () => Write(workspace.StateFile + ".w", bytes, flush: false));
        var fsync = Time(saves, () => Write(workspace.StateFile + ".f", bytes, flush: true));
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"engine-save: {count} resources ({bytes.Length / 1024.0:F0} KiB): save {total.Elapsed.TotalMilliseconds / saves:F2} ms; " +
            $"parts: .bak copy {copy:F2} ms, write {write:F2} ms, write+fsync {fsync:F2} ms; {Environment.ProcessorCount} cores"));
        return 0;
    }

    private static double Time(int times, Action action)
    {
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < times; i++)
        {
            action();
        }

        return watch.Elapsed.TotalMilliseconds / times;
    }

    private static void Write(string path, byte[] bytes, bool flush)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024);
        stream.Write(bytes);
        if (flush)
        {
            stream.Flush(flushToDisk: true);
        }
    }
}
