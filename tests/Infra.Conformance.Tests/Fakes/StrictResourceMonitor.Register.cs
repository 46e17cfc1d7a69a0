using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Infra.Protocol;
using Infra.Protocol.Rpc;

namespace Infra.Conformance.Tests.Fakes;

/// <summary>RegisterResource: URN assignment, IDs, outputs, injected delays and failures.</summary>
internal sealed partial class StrictResourceMonitor
{
    public override async Task<RegisterResourceResponse> RegisterResource(RegisterResourceRequest request, ServerCallContext context)
    {
        var subject = $"{request.Type}::{request.Name}";
        using var call = state.Begin(Service, nameof(RegisterResource), request, context, subject);
        RejectAfterShutdown(nameof(RegisterResource));
        var problems = new ProblemCollector(nameof(RegisterResource), subject);
        var kind = KindOf(request);
        var id = IdFor(request, kind);
        (string Urn, bool Added) reservation = ("", false);
        lock (state.Gate)
        {
            RequestValidator.ValidateRegister(request, state, problems);
            if (!problems.Rejects)
            {
                reservation = Reserve(request.Type, request.Name, request.Parent, kind, id, problems);
            }
        }

        state.AddViolations(problems.Violations);
        if (problems.Rejects)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, problems.RejectionMessage));
        }

        ThrowIfDuplicate(reservation);
        var urn = reservation.Urn;
        if (Options.RegistrationDelays.TryGetValue(request.Type, out var delay) && delay > TimeSpan.Zero)
        {
            using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, state.Stopping);
            await Task.Delay(delay, Options.TimeProvider, cancellation.Token).ConfigureAwait(false);
        }

        if (Options.Failures.TryGetValue(request.Type, out var failure))
        {
            if (failure.Status is { } status)
            {
                throw new RpcException(new Status(status, failure.Message));
            }

            if (!request.SupportsResultReporting)
            {
                throw new RpcException(new Status(StatusCode.Internal, failure.Message));
            }

            return new RegisterResourceResponse { Urn = urn, Id = "", Object = new Struct(), Result = Result.Fail };
        }

        var outputs = kind is ResourceKind.Stack or ResourceKind.Component
            ? new Struct()
            : OutputMarshaller.Marshal(
                Options.OutputHooks.TryGetValue(request.Type, out var hook) ? hook(request, urn) : OutputHooks.Echo(request, urn),
                request.AcceptSecrets,
                request.AcceptResources,
                request.SupportsPartialValues);
        return new RegisterResourceResponse { Urn = urn, Id = id, Object = outputs, Result = Result.Success };
    }

    private static ResourceKind KindOf(RegisterResourceRequest request) => request switch
    {
        { Type: WireConstants.StackType } => ResourceKind.Stack,
        { Custom: true } when request.Type.StartsWith(WireConstants.ProviderTypePrefix, StringComparison.Ordinal) => ResourceKind.Provider,
        { Custom: true } => ResourceKind.Custom,
        { Remote: true } => ResourceKind.RemoteComponent,
        _ => ResourceKind.Component,
    };

    private string IdFor(RegisterResourceRequest request, ResourceKind kind) => kind switch
    {
        ResourceKind.Provider => Options.IsPreview ? WireConstants.UnknownStringSentinel : Guid.NewGuid().ToString(),
        ResourceKind.Custom when request.ImportId.Length > 0 => request.ImportId,
        ResourceKind.Custom => Options.IsPreview ? "" : Guid.NewGuid().ToString(),
        _ => "",
    };

    /// <summary>Computes the URN (§8) and adds the resource unless the URN is taken (callers hold the gate).</summary>
    private (string Urn, bool Added) Reserve(string type, string name, string parent, ResourceKind kind, string id, ProblemCollector problems)
    {
        var parentResource = parent.Length > 0 ? state.Find(parent) : null;
        var parentQualifiedType = parentResource is null || parentResource.Kind == ResourceKind.Stack ? null : parentResource.QualifiedType;
        var qualifiedType = UrnRules.QualifyType(parentQualifiedType, type);
        var urn = UrnRules.Create(Options.Stack, Options.Project, qualifiedType, name);
        if (state.IsRegistered(urn))
        {
            problems.Add("name", "URNs must be unique within a deployment", ProblemCollector.Show(urn));
            return (urn, false);
        }

        state.Add(new RegisteredResource(urn, type, name, kind, id, parent, qualifiedType));
        return (urn, true);
    }

    private static void ThrowIfDuplicate((string Urn, bool Added) reservation)
    {
        if (!reservation.Added)
        {
            throw new RpcException(new Status(StatusCode.Unknown, $"Duplicate resource URN '{reservation.Urn}'; try giving it a unique name"));
        }
    }

    private void RejectAfterShutdown(string rpc)
    {
        bool signalled;
        lock (state.Gate)
        {
            signalled = state.ShutdownSignalled;
        }

        if (signalled)
        {
            throw new RpcException(new Status(StatusCode.Unavailable, $"resource monitor shut down: {rpc} after SignalAndWaitForShutdown"));
        }
    }
}
