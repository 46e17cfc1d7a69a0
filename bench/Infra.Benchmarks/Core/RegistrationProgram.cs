using Infra;

namespace Infra.Benchmarks.Core;

/// <summary>The program: N custom resources, 10 inputs each, every tenth depending on the previous one.</summary>
public static class RegistrationProgram
{
    public static void Create(int count)
    {
        BenchResource? previous = null;
        for (var i = 0; i < count; i++)
        {
            var dependsOnPrevious = i % 10 == 0 && previous is not null;
            var resource = new BenchResource($"r{i}", new BenchArgs
            {
                Name = $"r{i}",
                Index = i,
                Enabled = i % 2 == 0,
                Ratio = i / 3.0,
                Description = "a benchmark resource",
                Tags = ["bench", $"t{i % 7}"],
                Labels = new InputMap<string> { ["app"] = "bench", ["shard"] = $"{i % 16}" },
                Secret = Output.CreateSecret($"s{i}"),
                Zone = "lab",
                Previous = dependsOnPrevious ? previous!.Address : null,
            });
            previous = resource;
        }
    }
}
