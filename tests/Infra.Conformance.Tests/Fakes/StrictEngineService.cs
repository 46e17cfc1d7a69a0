using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Infra.Protocol.Rpc;
using RpcEngine = Infra.Protocol.Rpc.Engine;

namespace Infra.Conformance.Tests.Fakes;

/// <summary>The strict <c>pulumirpc.Engine</c>: captures logs and checks them (pulumi-protocol.md §4).</summary>
internal sealed class StrictEngineService(EngineState state) : RpcEngine.EngineBase
{
    private const string Service = "Engine";

    public override Task<Empty> Log(LogRequest request, ServerCallContext context)
    {
        var subject = request.Urn.Length > 0 ? request.Urn : "-";
        using var call = state.Begin(Service, nameof(Log), request, context, subject);
        if (!System.Enum.IsDefined(request.Severity))
        {
            state.AddViolation(new Violation(nameof(Log), subject, "severity", "must be DEBUG(0), INFO(1), WARNING(2) or ERROR(3)", ((int)request.Severity).ToString(System.Globalization.CultureInfo.InvariantCulture)));
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"unrecognized LogSeverity {(int)request.Severity}"));
        }

        if (request.Urn.Length > 0)
        {
            bool registered;
            lock (state.Gate)
            {
                registered = state.IsRegistered(request.Urn);
            }

            if (!UrnRules.IsValid(request.Urn))
            {
                state.AddViolation(new Violation(nameof(Log), subject, "urn", "must be '' or a strictly valid URN", ProblemCollector.Show(request.Urn)));
            }
            else if (!registered)
            {
                state.AddViolation(new Violation(nameof(Log), subject, "urn", "must be '' or the URN of an already registered resource", ProblemCollector.Show(request.Urn)));
            }
        }

        if (request.StreamId < 0)
        {
            state.AddViolation(new Violation(nameof(Log), subject, "streamId", "must be 0 (none) or a positive stream id", request.StreamId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        state.AddLog(request.Clone());
        return Task.FromResult(new Empty());
    }

    public override Task<GetRootResourceResponse> GetRootResource(GetRootResourceRequest request, ServerCallContext context)
    {
        using var call = state.Begin(Service, nameof(GetRootResource), request, context);
        lock (state.Gate)
        {
            return Task.FromResult(new GetRootResourceResponse { Urn = state.RootResource ?? "" });
        }
    }

    public override Task<SetRootResourceResponse> SetRootResource(SetRootResourceRequest request, ServerCallContext context)
    {
        using var call = state.Begin(Service, nameof(SetRootResource), request, context, request.Urn);
        if (request.Urn != state.Options.StackUrn)
        {
            state.AddViolation(new Violation(nameof(SetRootResource), request.Urn, "urn", $"must be the root stack URN '{state.Options.StackUrn}'", ProblemCollector.Show(request.Urn)));
        }

        lock (state.Gate)
        {
            state.RootResource = request.Urn;
        }

        return Task.FromResult(new SetRootResourceResponse());
    }

    public override Task<Empty> StartDebugging(StartDebuggingRequest request, ServerCallContext context)
    {
        using var call = state.Begin(Service, nameof(StartDebugging), request, context);
        return Task.FromResult(new Empty());
    }

    public override Task<RequirePulumiVersionResponse> RequirePulumiVersion(RequirePulumiVersionRequest request, ServerCallContext context)
    {
        using var call = state.Begin(Service, nameof(RequirePulumiVersion), request, context);
        if (state.Options.Cli == CliGeneration.OldCli)
        {
            throw new RpcException(new Status(StatusCode.Unimplemented, "unknown method RequirePulumiVersion for service pulumirpc.Engine"));
        }

        if (request.PulumiVersionRange.Trim().Length == 0)
        {
            state.AddViolation(new Violation(nameof(RequirePulumiVersion), "-", "pulumi_version_range", "must be a semver range such as '>=3.100.0'", "''"));
            throw new RpcException(new Status(StatusCode.InvalidArgument, "pulumi_version_range must not be empty"));
        }

        return Task.FromResult(new RequirePulumiVersionResponse());
    }
}
