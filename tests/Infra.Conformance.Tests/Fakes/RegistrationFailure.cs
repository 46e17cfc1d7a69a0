using Grpc.Core;

namespace Infra.Conformance.Tests.Fakes;

/// <summary>How the strict engine fails a registration of an injected type.</summary>
public sealed record RegistrationFailure
{
    private RegistrationFailure(StatusCode? status, string message)
    {
        Status = status;
        Message = message;
    }

    /// <summary>The RPC error to answer, or <see langword="null"/> for a failed step.</summary>
    public StatusCode? Status { get; }

    /// <summary>The error text.</summary>
    public string Message { get; }

    /// <summary>
    /// A failed step: <c>result=FAIL</c> when the request set <c>supportsResultReporting</c>, otherwise the
    /// RPC error <c>Internal</c> "resource registration failed", as the real engine does.
    /// </summary>
    public static RegistrationFailure StepFailed() => new(null, "resource registration failed");

    /// <summary>An RPC error, e.g. <c>UNAVAILABLE</c> while the engine shuts down after another failure.</summary>
    /// <param name="status">The gRPC status.</param>
    /// <param name="message">The error text.</param>
    public static RegistrationFailure RpcError(StatusCode status, string message) => new(status, message);

    /// <summary>The <c>UNAVAILABLE</c> error of an engine that is shutting down.</summary>
    public static RegistrationFailure MonitorShutDown() => RpcError(StatusCode.Unavailable, "resource monitor shut down while waiting on step's done channel");
}
