using System.Collections.Frozen;
using Infra.Protocol.Rpc;

namespace Infra.Engine.Server;

/// <summary>The <c>SupportsFeature</c> answers of the current engine (pulumi-protocol.md §3.1); anything else is false.</summary>
internal static class SupportedFeatures
{
    /// <summary>Feature id to its <c>GetDeploymentInfo</c> enum value, for every feature answered true.</summary>
    public static FrozenDictionary<string, ResourceMonitorFeature> Table { get; } = new Dictionary<string, ResourceMonitorFeature>
    {
        ["secrets"] = ResourceMonitorFeature.Secrets,
        ["resourceReferences"] = ResourceMonitorFeature.ResourceReferences,
        ["outputValues"] = ResourceMonitorFeature.OutputValues,
        ["aliasSpecs"] = ResourceMonitorFeature.AliasSpecs,
        ["replacementTrigger"] = ResourceMonitorFeature.ReplacementTrigger,
        ["deletedWith"] = ResourceMonitorFeature.DeletedWith,
        ["replaceWith"] = ResourceMonitorFeature.ReplaceWith,
        ["transforms"] = ResourceMonitorFeature.Transforms,
        ["invokeTransforms"] = ResourceMonitorFeature.InvokeTransforms,
        ["parameterization"] = ResourceMonitorFeature.Parameterization,
        ["resourceHooks"] = ResourceMonitorFeature.ResourceHooks,
        ["errorHooks"] = ResourceMonitorFeature.ErrorHooks,
        ["sendsOptionsToHooks"] = ResourceMonitorFeature.SendsOptionsToHooks,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Whether the engine supports <paramref name="id"/>.</summary>
    public static bool Supports(string id) => Table.ContainsKey(id);
}
