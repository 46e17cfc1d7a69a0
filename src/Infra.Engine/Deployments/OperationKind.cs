namespace Infra.Engine.Deployments;

/// <summary>What an engine run does.</summary>
internal enum OperationKind
{
    /// <summary>Runs the program with PULUMI_DRY_RUN=true and plans every step; nothing is mutated, no lock is taken.</summary>
    Preview,

    /// <summary>Runs the program and applies the steps; deletes what it no longer declares.</summary>
    Update,

    /// <summary>Deletes every resource in reverse dependency order (the program is not run).</summary>
    Destroy,

    /// <summary>Reads every resource through its provider and records drift (the program is not run).</summary>
    Refresh,
}
