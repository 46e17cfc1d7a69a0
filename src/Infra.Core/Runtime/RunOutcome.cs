using System.Collections.Immutable;

namespace Infra.Runtime;

/// <summary>How a run ended: the deployment, the exit code and every error seen.</summary>
internal sealed record RunOutcome(Deployment Deployment, int ExitCode, ImmutableArray<Exception> Errors);
