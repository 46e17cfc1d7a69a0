namespace Infra.Engine.Deployments.Events;

/// <summary>One line the program (or its build) printed; shown under the stack.</summary>
internal sealed record ProgramOutputEvent(string Line, bool IsStandardError) : OperationEvent;
