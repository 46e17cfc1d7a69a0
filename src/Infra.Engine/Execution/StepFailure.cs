using Infra.Engine.Planning;

namespace Infra.Engine.Execution;

/// <summary>A failed step: which resource, what it tried, and the error.</summary>
internal sealed record StepFailure(string Urn, StepKind Kind, string Message);
