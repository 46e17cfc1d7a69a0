namespace Infra.Engine.Deployments.Events;

/// <summary>Where a resource step is.</summary>
internal enum StepPhase
{
    /// <summary>The step was planned (preview) or has started (update).</summary>
    Started,

    /// <summary>The step finished successfully.</summary>
    Succeeded,

    /// <summary>The step failed.</summary>
    Failed,

    /// <summary>The provider reported progress of a running step (<see cref="ResourceStepEvent.Message"/>).</summary>
    Progress,
}
