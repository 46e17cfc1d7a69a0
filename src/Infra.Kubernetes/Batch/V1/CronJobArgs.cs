using k8s.Models;

namespace Infra.Kubernetes.Batch.V1;

/// <summary>Inputs of <see cref="CronJob"/>. Values may come from other resources' outputs (compose them with <c>Output.Apply</c> or <c>Output.Tuple</c>).</summary>
public sealed class CronJobArgs : ResourceArgs
{
    /// <summary>Standard object metadata. Leave <c>Name</c> unset to let the provider choose a unique name (autonaming).</summary>
    public Input<V1ObjectMeta>? Metadata { get; init; }

    /// <summary>The desired state of the CronJob.</summary>
    public required Input<V1CronJobSpec> Spec { get; init; }
}
