using Google.Protobuf.WellKnownTypes;
using Grpc.Net.Client;
using Infra.Conformance.Tests.Fakes;
using Infra.Protocol;
using Infra.Protocol.Rpc;
using RpcEngine = Infra.Protocol.Rpc.Engine;

namespace Infra.Conformance.Tests.FakesSelfTests;

/// <summary>A started <see cref="StrictEngine"/> with raw generated clients on its two addresses.</summary>
internal sealed class EngineSession : IAsyncDisposable
{
    private readonly GrpcChannel _monitorChannel;
    private readonly GrpcChannel _engineChannel;

    private EngineSession(StrictEngine engine)
    {
        Engine = engine;
        _monitorChannel = GrpcChannel.ForAddress("http://" + engine.MonitorAddress);
        _engineChannel = GrpcChannel.ForAddress("http://" + engine.EngineAddress);
        Monitor = new ResourceMonitor.ResourceMonitorClient(_monitorChannel);
        EngineClient = new RpcEngine.EngineClient(_engineChannel);
    }

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public StrictEngine Engine { get; }

    public ResourceMonitor.ResourceMonitorClient Monitor { get; }

    public RpcEngine.EngineClient EngineClient { get; }

    public GrpcChannel MonitorChannel => _monitorChannel;

    public GrpcChannel EngineChannel => _engineChannel;

    public string StackUrn => Engine.StackUrn;

    public static async Task<EngineSession> StartAsync(StrictEngineOptions? options = null) =>
        new(await StrictEngine.StartAsync(options, TestContext.Current.CancellationToken));

    /// <summary>Probes the usual features and registers the root stack correctly.</summary>
    public async Task<string> StartProgramAsync()
    {
        foreach (var feature in new[] { "secrets", "resourceReferences", "outputValues", "aliasSpecs", "deletedWith" })
        {
            await SupportsFeatureAsync(feature);
        }

        var response = await RegisterAsync(StackRequest());
        return response.Urn;
    }

    public Task<RegisterResourceResponse> RegisterAsync(RegisterResourceRequest request) =>
        Monitor.RegisterResourceAsync(request, cancellationToken: Ct).ResponseAsync;

    public Task<Empty> RegisterOutputsAsync(string urn, Struct? outputs = null) =>
        Monitor.RegisterResourceOutputsAsync(new RegisterResourceOutputsRequest { Urn = urn, Outputs = outputs ?? new Struct() }, cancellationToken: Ct).ResponseAsync;

    public async Task<bool> SupportsFeatureAsync(string feature) =>
        (await Monitor.SupportsFeatureAsync(new SupportsFeatureRequest { Id = feature }, cancellationToken: Ct)).HasSupport;

    public Task<ReadResourceResponse> ReadAsync(ReadResourceRequest request) =>
        Monitor.ReadResourceAsync(request, cancellationToken: Ct).ResponseAsync;

    public Task<ResourceInvokeResponse> InvokeAsync(ResourceInvokeRequest request) =>
        Monitor.InvokeAsync(request, cancellationToken: Ct).ResponseAsync;

    public Task<Empty> ShutdownAsync() => Monitor.SignalAndWaitForShutdownAsync(new Empty(), cancellationToken: Ct).ResponseAsync;

    public Task<DeploymentInfo> GetDeploymentInfoAsync() => Monitor.GetDeploymentInfoAsync(new Empty(), cancellationToken: Ct).ResponseAsync;

    public Task<Empty> LogAsync(LogRequest request) => EngineClient.LogAsync(request, cancellationToken: Ct).ResponseAsync;

    public RegisterResourceRequest StackRequest() => Flags(new RegisterResourceRequest
    {
        Type = WireConstants.StackType,
        Name = Engine.Options.StackResourceName,
        Parent = "",
        Custom = false,
        Object = new Struct(),
    });

    public RegisterResourceRequest CustomRequest(string type, string name, string? parent = null, Struct? inputs = null) => Flags(new RegisterResourceRequest
    {
        Type = type,
        Name = name,
        Parent = parent ?? StackUrn,
        Custom = true,
        Object = inputs ?? new Struct(),
    });

    public RegisterResourceRequest ComponentRequest(string type, string name, string? parent = null) => Flags(new RegisterResourceRequest
    {
        Type = type,
        Name = name,
        Parent = parent ?? StackUrn,
        Custom = false,
        Object = new Struct(),
    });

    public static Struct Inputs(params (string Key, Value Value)[] members)
    {
        var result = new Struct();
        foreach (var (key, value) in members)
        {
            result.Fields[key] = value;
        }

        return result;
    }

    public async ValueTask DisposeAsync()
    {
        _monitorChannel.Dispose();
        _engineChannel.Dispose();
        await Engine.DisposeAsync();
    }

    private static RegisterResourceRequest Flags(RegisterResourceRequest request)
    {
        request.AcceptSecrets = true;
        request.AcceptResources = true;
        request.SupportsPartialValues = true;
        request.SupportsResultReporting = true;
        return request;
    }
}
