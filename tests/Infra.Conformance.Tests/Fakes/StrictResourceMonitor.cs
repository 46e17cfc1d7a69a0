using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Infra.Protocol;
using Infra.Protocol.Rpc;

namespace Infra.Conformance.Tests.Fakes;

/// <summary>The strict <c>pulumirpc.ResourceMonitor</c>: validates, records and answers like the real engine.</summary>
internal sealed partial class StrictResourceMonitor(EngineState state) : ResourceMonitor.ResourceMonitorBase
{
    private const string Service = "ResourceMonitor";

    private static readonly (string Id, ResourceMonitorFeature Feature)[] FeatureEnums =
    [
        ("secrets", ResourceMonitorFeature.Secrets),
        ("resourceReferences", ResourceMonitorFeature.ResourceReferences),
        ("outputValues", ResourceMonitorFeature.OutputValues),
        ("aliasSpecs", ResourceMonitorFeature.AliasSpecs),
        ("replacementTrigger", ResourceMonitorFeature.ReplacementTrigger),
        ("deletedWith", ResourceMonitorFeature.DeletedWith),
        ("replaceWith", ResourceMonitorFeature.ReplaceWith),
        ("transforms", ResourceMonitorFeature.Transforms),
        ("invokeTransforms", ResourceMonitorFeature.InvokeTransforms),
        ("parameterization", ResourceMonitorFeature.Parameterization),
        ("resourceHooks", ResourceMonitorFeature.ResourceHooks),
        ("errorHooks", ResourceMonitorFeature.ErrorHooks),
        ("sendsOptionsToHooks", ResourceMonitorFeature.SendsOptionsToHooks),
    ];

    private StrictEngineOptions Options => state.Options;

    public override Task<SupportsFeatureResponse> SupportsFeature(SupportsFeatureRequest request, ServerCallContext context)
    {
        using var call = state.Begin(Service, nameof(SupportsFeature), request, context, request.Id);
        if (request.Id.Length == 0)
        {
            state.AddViolation(new Violation(nameof(SupportsFeature), "-", "id", "must name a feature", "''"));
        }

        var answer = Options.EffectiveFeatures.GetValueOrDefault(request.Id);
        state.RecordProbe(request.Id, answer);
        return Task.FromResult(new SupportsFeatureResponse { HasSupport = answer });
    }

    public override Task<Empty> RegisterResourceOutputs(RegisterResourceOutputsRequest request, ServerCallContext context)
    {
        using var call = state.Begin(Service, nameof(RegisterResourceOutputs), request, context, request.Urn);
        var problems = new ProblemCollector(nameof(RegisterResourceOutputs), request.Urn);
        bool first;
        lock (state.Gate)
        {
            var resource = RequestValidator.ValidateOutputs(request, state, problems);
            first = resource is null || state.CompleteOutputs(resource.Urn);
        }

        state.AddViolations(problems.Violations);
        if (problems.Rejects)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, problems.RejectionMessage));
        }

        if (!first)
        {
            state.AddViolation(new Violation(nameof(RegisterResourceOutputs), request.Urn, "urn", "outputs may be registered only once per URN", ProblemCollector.Show(request.Urn)));
            throw new RpcException(new Status(StatusCode.Unknown, $"cannot complete a resource '{request.Urn}' whose registration isn't pending"));
        }

        return Task.FromResult(new Empty());
    }

    public override Task<ReadResourceResponse> ReadResource(ReadResourceRequest request, ServerCallContext context)
    {
        using var call = state.Begin(Service, nameof(ReadResource), request, context, $"{request.Type}::{request.Name}");
        RejectAfterShutdown(nameof(ReadResource));
        var problems = new ProblemCollector(nameof(ReadResource), $"{request.Type}::{request.Name}");
        (string Urn, bool Added) reservation = ("", false);
        lock (state.Gate)
        {
            RequestValidator.ValidateRead(request, state, problems);
            if (!problems.Rejects)
            {
                reservation = Reserve(request.Type, request.Name, request.Parent, ResourceKind.Read, request.Id, problems);
            }
        }

        state.AddViolations(problems.Violations);
        if (problems.Rejects)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, problems.RejectionMessage));
        }

        ThrowIfDuplicate(reservation);
        if (!Options.ReadHandlers.TryGetValue(request.Type, out var handler))
        {
            throw new RpcException(new Status(StatusCode.NotFound, $"resource '{request.Id}' of type '{request.Type}' does not exist (no read handler configured in the strict engine)"));
        }

        var properties = OutputMarshaller.Marshal(handler(request), request.AcceptSecrets, request.AcceptResources, supportsPartialValues: true);
        return Task.FromResult(new ReadResourceResponse { Urn = reservation.Urn, Properties = properties });
    }

    public override Task<ResourceInvokeResponse> Invoke(ResourceInvokeRequest request, ServerCallContext context)
    {
        using var call = state.Begin(Service, nameof(Invoke), request, context, request.Tok);
        var problems = new ProblemCollector(nameof(Invoke), request.Tok);
        lock (state.Gate)
        {
            RequestValidator.ValidateInvoke(request, state, problems);
        }

        state.AddViolations(problems.Violations);
        if (problems.Rejects)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, problems.RejectionMessage));
        }

        if (!Options.InvokeHandlers.TryGetValue(request.Tok, out var handler))
        {
            throw new RpcException(new Status(StatusCode.Unimplemented, $"no invoke handler for '{request.Tok}' is configured in the strict engine"));
        }

        var response = handler(request);
        var marshalled = response.Clone();
        marshalled.Return = OutputMarshaller.Marshal(response.Return, acceptSecrets: true, request.AcceptResources, supportsPartialValues: true);
        return Task.FromResult(marshalled);
    }

    public override Task<CallResponse> Call(ResourceCallRequest request, ServerCallContext context)
    {
        using var call = state.Begin(Service, nameof(Call), request, context, request.Tok);
        throw new RpcException(new Status(StatusCode.Unimplemented, "Call (methods of remote components) is not modelled by the strict engine"));
    }

    public override Task<Empty> SignalAndWaitForShutdown(Empty request, ServerCallContext context)
    {
        using var call = state.Begin(Service, nameof(SignalAndWaitForShutdown), request, context);
        if (Options.Cli == CliGeneration.OldCli)
        {
            throw new RpcException(new Status(StatusCode.Unimplemented, "unknown method SignalAndWaitForShutdown for service pulumirpc.ResourceMonitor"));
        }

        List<Violation> violations = [];
        lock (state.Gate)
        {
            if (state.ShutdownSignalled)
            {
                state.AddViolation(new Violation(nameof(SignalAndWaitForShutdown), "-", "call", "may be called only once", "second call"));
                throw new RpcException(new Status(StatusCode.Unknown, "Already waiting for shutdown"));
            }

            state.ShutdownSignalled = true;
            var others = state.InFlight - 1;
            if (others > 0)
            {
                violations.Add(new Violation(nameof(SignalAndWaitForShutdown), "-", "call", "must be sent only after every other request has completed", $"{others} request(s) in flight"));
            }

            if (!state.StackRegistered)
            {
                violations.Add(new Violation(nameof(SignalAndWaitForShutdown), Options.StackUrn, "call", "the root stack must be registered before shutdown", "no stack"));
            }
            else if (!state.StackOutputsRegistered)
            {
                violations.Add(new Violation(nameof(SignalAndWaitForShutdown), Options.StackUrn, "call", "the stack outputs must be registered (RegisterResourceOutputs, even when empty) before shutdown", "not registered"));
            }
        }

        state.AddViolations(violations);
        return Task.FromResult(new Empty());
    }

    public override Task<DeploymentInfo> GetDeploymentInfo(Empty request, ServerCallContext context)
    {
        using var call = state.Begin(Service, nameof(GetDeploymentInfo), request, context);
        if (Options.Cli == CliGeneration.OldCli)
        {
            throw new RpcException(new Status(StatusCode.Unimplemented, "unknown method GetDeploymentInfo for service pulumirpc.ResourceMonitor"));
        }

        var info = new DeploymentInfo
        {
            Project = Options.Project,
            Stack = Options.Stack,
            Organization = Options.Organization,
            DryRun = Options.IsPreview,
            Parallel = Options.Parallel,
        };
        info.Config.Add(Options.Config);
        info.ConfigSecretKeys.Add(Options.ConfigSecretKeys);
        info.SupportedFeatures.Add(FeatureEnums
            .Where(f => Options.EffectiveFeatures.GetValueOrDefault(f.Id))
            .Select(f => f.Feature));
        return Task.FromResult(info);
    }
}
