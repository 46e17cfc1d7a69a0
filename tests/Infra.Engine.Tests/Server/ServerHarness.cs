using System.Collections.Concurrent;
using System.Collections.Immutable;
using Grpc.Net.Client;
using Infra.Engine.Deployments;
using Infra.Engine.Deployments.Events;
using Infra.Engine.Execution;
using Infra.Engine.Planning;
using Infra.Engine.Providers;
using Infra.Engine.Providers.Test;
using Infra.Engine.Server;
using Infra.Engine.State;
using Infra.Engine.Tests.State;
using Infra.Protocol;
using Infra.Protocol.Rpc;
using Infra.Protocol.Values;
using Moq;

namespace Infra.Engine.Tests.Server;

/// <summary>
/// A <see cref="MonitorSession"/> served by a real <see cref="DeploymentServer"/> on 127.0.0.1, reached
/// with the raw generated gRPC clients. In update mode it writes state through a real update session.
/// </summary>
internal sealed class ServerHarness : IAsyncDisposable, IOperationObserver
{
    public const string Project = "proj";
    public const string StackName = "dev";

    private readonly ConcurrentQueue<OperationEvent> _events = new();
    private readonly TempDirectory _directory = new();
    private readonly CancellationTokenSource _run = new();
    private DeploymentServer? _server;
    private GrpcChannel? _channel;
    private StepExecutor? _executor;
    private EventSink? _sink;

    private ServerHarness(bool preview, TestProvider? provider)
    {
        Preview = preview;
        Provider = provider ?? new TestProvider();
        Backend = new LocalBackend(_directory.Path);
    }

    public bool Preview { get; }

    public TestProvider Provider { get; }

    public Mock<IStackReferenceReader> StackReferences { get; } = new();

    public LocalBackend Backend { get; }

    public TestSecretsCrypter Crypter { get; } = new();

    public StackReference Stack { get; } = new(Project, StackName);

    public StackUpdateSession? Session { get; private set; }

    public MonitorSession Monitor { get; private set; } = null!;

    public ResourceMonitor.ResourceMonitorClient Client { get; private set; } = null!;

    public Protocol.Rpc.Engine.EngineClient EngineClient { get; private set; } = null!;

    public Planner Planner { get; private set; } = null!;

    public IReadOnlyList<OperationEvent> Events => [.. _events];

    public string StackUrn { get; } = $"urn:pulumi:{StackName}::{Project}::pulumi:pulumi:Stack::{Project}-{StackName}";

    public string StateFile => Path.Combine(_directory.Path, ".pulumi", "stacks", Project, StackName + ".json");

    public static async Task<ServerHarness> StartAsync(
        bool preview = false,
        IReadOnlyDictionary<string, string>? config = null,
        IEnumerable<ResourceState>? oldResources = null,
        ImmutableArray<string> targets = default,
        TestProvider? provider = null)
    {
        var harness = new ServerHarness(preview, provider);
        await harness.InitializeAsync(config ?? ImmutableDictionary<string, string>.Empty, oldResources ?? [], targets.IsDefault ? [] : targets);
        return harness;
    }

    public static string Urn(string name, string type = TestProvider.ResourceType, string? parentType = null) =>
        $"urn:pulumi:{StackName}::{Project}::{(parentType is null ? type : parentType + "$" + type)}::{name}";

    public RegisterResourceRequest Custom(string name, string value, string type = TestProvider.ResourceType, string? parent = null)
    {
        var request = new RegisterResourceRequest
        {
            Type = type,
            Name = name,
            Parent = parent ?? StackUrn,
            Custom = true,
            Object = StructEncoding.ToStruct([KeyValuePair.Create("value", PropertyValue.Create(value))]),
            AcceptSecrets = true,
            AcceptResources = true,
            SupportsPartialValues = true,
            SupportsResultReporting = true,
        };
        return request;
    }

    public async Task<RegisterResourceResponse> RegisterStackAsync(CancellationToken cancellationToken) =>
        await Client.RegisterResourceAsync(
            new RegisterResourceRequest
        {
            Type = WireConstants.StackType,
            Name = $"{Project}-{StackName}",
            Object = new Google.Protobuf.WellKnownTypes.Struct(),
            AcceptSecrets = true,
            SupportsResultReporting = true,
        },
            cancellationToken: cancellationToken);

    public ValueTask OnEventAsync(OperationEvent operationEvent, CancellationToken cancellationToken = default)
    {
        _events.Enqueue(operationEvent);
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        _channel?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        if (Session is not null)
        {
            await Session.DisposeAsync();
        }

        _executor?.Dispose();
        _sink?.Dispose();
        _run.Dispose();
        _directory.Dispose();
    }

    private async Task InitializeAsync(IReadOnlyDictionary<string, string> config, IEnumerable<ResourceState> oldResources, ImmutableArray<string> targets)
    {
        var old = oldResources.ToList();
        if (!Preview)
        {
            await Backend.CreateStackAsync(Stack, secretsProvider: null);
            Session = await Backend.BeginUpdateAsync(Stack, UpdateKind.Update, Crypter);
            if (old.Count > 0)
            {
                await Session.UpdateAsync(s => s with { Resources = [.. old] });
            }
        }

        var registry = new ProviderRegistry(
        [
            KeyValuePair.Create(TestProvider.PackageName, Provider.Factory),
            KeyValuePair.Create(PulumiProvider.PackageName, (ProviderFactory)((_, _) => new PulumiProvider(StackReferences.Object))),
        ]);
        _sink = new EventSink(this);
        var recorder = new StepRecorder(Session, _sink, TimeProvider.System);
        _executor = new StepExecutor(new StepExecutorOptions { MaxParallelism = 8, Preview = Preview, Observer = recorder });
        Planner = new Planner(new PlannerOptions { Stack = StackName, Project = Project, OldResources = old, Preview = Preview, Targets = targets }, registry);
        Monitor = new MonitorSession(
            new MonitorSessionOptions
            {
                Project = Project,
                Stack = StackName,
                Preview = Preview,
                Parallel = 8,
                Config = config,
                ConfigSecretKeys = [.. config.Keys.Where(k => k.EndsWith("Secret", StringComparison.Ordinal))],
                Planner = Planner,
                Executor = _executor,
                Registry = registry,
                Recorder = recorder,
                Events = _sink,
            },
            _run.Token);
        _server = await DeploymentServer.StartAsync(Monitor);
        _channel = GrpcChannel.ForAddress("http://" + _server.Address);
        Client = new ResourceMonitor.ResourceMonitorClient(_channel);
        EngineClient = new Protocol.Rpc.Engine.EngineClient(_channel);
    }
}
