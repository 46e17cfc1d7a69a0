namespace Infra.Conformance.Tests.Fakes;

/// <summary>Which CLI generation the strict engine imitates.</summary>
public enum CliGeneration
{
    /// <summary>A current CLI (around v3.259): every optional RPC exists; the feature table of §3.1.</summary>
    Current,

    /// <summary>
    /// An old CLI (around v3.100): <c>SignalAndWaitForShutdown</c>, <c>GetDeploymentInfo</c> and
    /// <c>RequirePulumiVersion</c> answer <c>UNIMPLEMENTED</c>, and features newer than that answer false.
    /// </summary>
    OldCli,
}
