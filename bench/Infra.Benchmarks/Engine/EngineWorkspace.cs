using Infra.Engine.Deployments;
using Infra.Engine.Deployments.Events;
using Infra.Engine.Projects;
using Infra.Engine.Providers;
using Infra.Engine.Providers.Test;
using Infra.Engine.State;
using Infra.Protocol.Values;

namespace Infra.Benchmarks.Engine;

/// <summary>A temporary project (running this benchmark's DLL as the program), local backend and stack <c>dev</c>, with a test provider serving package <c>bench</c>.</summary>
internal sealed class EngineWorkspace : IDisposable, IOperationObserver
{
    private readonly List<(long Timestamp, ResourceStepEvent Event)> _steps = [];

    /// <summary>A workspace whose backend coalesces saves as <c>infra</c> does (<paramref name="coalesceSaves"/>), or writes each at once.</summary>
    public EngineWorkspace(bool coalesceSaves = true)
    {
        Root = Path.Combine(Path.GetTempPath(), "infra-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        Backend = new LocalBackend(Path.Combine(Root, "state"), new LocalBackendOptions
        {
            SaveCoalescingDelay = coalesceSaves ? LocalBackendOptions.DefaultSaveCoalescingDelay : TimeSpan.Zero,
        });
        File.WriteAllText(Path.Combine(Root, "Pulumi.yaml"), $"""
            name: bench
            runtime:
              name: dotnet
              options:
                binary: {typeof(EngineWorkspace).Assembly.Location}
            """);
    }

    public string Root { get; }

    public LocalBackend Backend { get; }

    public Infra.Engine.State.StackReference Stack { get; } = new("bench", "dev");

    public TestProvider Provider { get; } = new();

    public IReadOnlyList<(long Timestamp, ResourceStepEvent Event)> Steps => _steps;

    public string StateFile => Path.Combine(Root, "state", ".pulumi", "stacks", "bench", "dev.json");

    /// <summary>Writes, in one save, the state an up of <c>wide:N</c> leaves (so a second up is all same).</summary>
    public async Task SeedWideStateAsync(int count)
    {
        await Backend.CreateStackAsync(Stack, secretsProvider: null);
        const string stackUrn = "urn:pulumi:dev::bench::pulumi:pulumi:Stack::bench-dev";
        const string providerUrn = "urn:pulumi:dev::bench::pulumi:providers:bench::default";
        var resources = new List<ResourceState>(count + 2)
        {
            new() { Urn = stackUrn, Type = "pulumi:pulumi:Stack", Custom = false },
            new() { Urn = providerUrn, Type = "pulumi:providers:bench", Custom = true, Id = "00000000-0000-4000-8000-000000000001" },
        };
        for (var i = 0; i < count; i++)
        {
            var inputs = PropertyMaps.Create(
            [
                KeyValuePair.Create("index", PropertyValue.Create(i)),
                KeyValuePair.Create("name", PropertyValue.Create($"w{i}")),
            ]);
            resources.Add(new ResourceState
            {
                Urn = $"urn:pulumi:dev::bench::bench:index:Resource::w{i}",
                Type = "bench:index:Resource",
                Custom = true,
                Id = $"w{i}-{i + 1}",
                Parent = stackUrn,
                Provider = $"{providerUrn}::00000000-0000-4000-8000-000000000001",
                Inputs = inputs,
                Outputs = inputs.SetItem("computed", PropertyValue.Create($"computed-w{i}-{i + 1}")),
            });
        }

        var session = await Backend.BeginUpdateAsync(Stack, UpdateKind.Update, new BenchCrypter());
        await using (session.ConfigureAwait(false))
        {
            await session.UpdateAsync(s => s with { Resources = [.. resources] });
            await session.FinishAsync(Infra.Engine.State.UpdateResult.Succeeded);
        }
    }

    public async Task<OperationResult> RunAsync(OperationKind kind, string program, int parallel)
    {
        if (!await Backend.StackExistsAsync(Stack))
        {
            await Backend.CreateStackAsync(Stack, secretsProvider: null);
        }

        lock (_steps)
        {
            _steps.Clear();
        }

        var request = new OperationRequest
        {
            Kind = kind,
            Project = await ProjectLoader.LoadAsync(Path.Combine(Root, "Pulumi.yaml")),
            Stack = Stack,
            Backend = Backend,
            StackSettings = new StackSettingsFile(),
            Crypter = new BenchCrypter(),
            BuiltInProviders = new Dictionary<string, ProviderFactory> { ["bench"] = Provider.Factory },
            Parallel = parallel,
            ProgramEnvironment = new Dictionary<string, string> { [EngineProgram.Variable] = program },
        };
        var result = await new DeploymentEngine().RunAsync(request, this);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("The benchmark run failed: " + string.Join(Environment.NewLine, result.Failures));
        }

        return result;
    }

    public ValueTask OnEventAsync(OperationEvent operationEvent, CancellationToken cancellationToken = default)
    {
        if (operationEvent is ResourceStepEvent step)
        {
            lock (_steps)
            {
                _steps.Add((TimeProvider.System.GetTimestamp(), step));
            }
        }

        return ValueTask.CompletedTask;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
