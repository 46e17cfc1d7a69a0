namespace Infra.Engine.Execution;

/// <summary>How a step ended.</summary>
internal enum StepStatus
{
    /// <summary>The step did its work.</summary>
    Succeeded,

    /// <summary>The step failed; nothing new is scheduled after it.</summary>
    Failed,

    /// <summary>The step never started: an earlier step failed, a dependency did not succeed, or the run was cancelled.</summary>
    Skipped,
}
