using Grpc.Core;
using Infra.Conformance.Tests.Fakes;
using Infra.Protocol.Rpc;

namespace Infra.Conformance.Tests.FakesSelfTests;

/// <summary>
/// A session with the features probed, the stack, a provider <c>pulumi:providers:random</c> named <c>p</c> and a
/// custom resource <c>random:index:RandomId</c> named <c>existing</c> registered; sends one more request and
/// returns only what that request caused.
/// </summary>
internal sealed class ValidationProbe : IAsyncDisposable
{
    public const string ResourceType = "random:index:RandomId";

    private ValidationProbe(EngineSession session, RegisterResourceResponse provider, RegisterResourceResponse existing)
    {
        Session = session;
        Provider = provider;
        Existing = existing;
    }

    public EngineSession Session { get; }

    public RegisterResourceResponse Provider { get; }

    public RegisterResourceResponse Existing { get; }

    public string ProviderReference => $"{Provider.Urn}::{Provider.Id}";

    public static async Task<ValidationProbe> StartAsync(StrictEngineOptions? options = null, bool probeFeatures = true)
    {
        var session = await EngineSession.StartAsync(options);
        if (probeFeatures)
        {
            await session.StartProgramAsync();
        }
        else
        {
            await session.RegisterAsync(session.StackRequest());
        }

        var provider = await session.RegisterAsync(session.CustomRequest("pulumi:providers:random", "p"));
        var existing = await session.RegisterAsync(session.CustomRequest(ResourceType, "existing"));
        session.Engine.AssertNoViolations();
        return new ValidationProbe(session, provider, existing);
    }

    /// <summary>A correct request for a new custom resource named <c>id</c>.</summary>
    public RegisterResourceRequest Request() => Session.CustomRequest(ResourceType, "id");

    /// <summary>Sends the request; returns the violation messages it caused and the RPC error, if any.</summary>
    public Task<(IReadOnlyList<string> Violations, RpcException? Error)> RegisterAsync(RegisterResourceRequest request) =>
        CaptureAsync(() => Session.RegisterAsync(request));

    public async Task<(IReadOnlyList<string> Violations, RpcException? Error)> CaptureAsync(Func<Task> send)
    {
        var before = Session.Engine.Violations.Count;
        RpcException? error = null;
        try
        {
            await send();
        }
        catch (RpcException exception)
        {
            error = exception;
        }

        return ([.. Session.Engine.Violations.Skip(before).Select(v => v.Message)], error);
    }

    public ValueTask DisposeAsync() => Session.DisposeAsync();
}
