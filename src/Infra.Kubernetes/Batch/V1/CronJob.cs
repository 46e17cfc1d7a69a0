using System.Text.Json;
using Infra.Kubernetes.Wire;
using k8s.Models;

namespace Infra.Kubernetes.Batch.V1;

/// <summary>A CronJob: Jobs on a schedule.</summary>
/// <remarks>Type token <c>kubernetes:batch/v1:CronJob</c>; sent with <c>apiVersion: batch/v1</c> and <c>kind: CronJob</c>.</remarks>
public sealed class CronJob : KubernetesResource
{
    /// <summary>The type token.</summary>
    public const string TypeToken = "kubernetes:batch/v1:CronJob";

    private Output<V1CronJobSpec?>? _spec;
    private Output<V1CronJobStatus?>? _status;

    /// <summary>Registers a CronJob.</summary>
    /// <param name="name">The logical name. When <c>metadata.name</c> is not set, the provider names the object after it plus a random suffix.</param>
    /// <param name="args">The object.</param>
    /// <param name="options">The options.</param>
    /// <exception cref="ArgumentException">A known input breaks a Kubernetes rule; the message lists every problem.</exception>
    public CronJob(string name, CronJobArgs args, CustomResourceOptions? options = null)
        : base(TypeToken, name, ToWire(name, args), options)
    {
    }

    private CronJob(string name, Input<string> id, CustomResourceOptions? options)
        : base(TypeToken, name, ResourceArgs.Empty, ReadOptions(options, id))
    {
    }

    /// <summary>The live spec, with server defaults; null when the object has none.</summary>
    public Output<V1CronJobSpec?> Spec => _spec ??= KubernetesJsonValues.FromJson<V1CronJobSpec>(SpecJson);

    /// <summary>The status the cluster reports; null when there is none (e.g. with renderYamlToDirectory).</summary>
    public Output<V1CronJobStatus?> Status => _status ??= KubernetesJsonValues.FromJson<V1CronJobStatus>(StatusJson);

    /// <summary>Reads an existing CronJob instead of managing it; its outputs are the live object.</summary>
    /// <param name="name">The logical name.</param>
    /// <param name="id">The object's ID: <c>namespace/name</c>, or <c>name</c> for cluster-scoped kinds and the provider's default namespace.</param>
    /// <param name="options">The options.</param>
    public static CronJob Get(string name, Input<string> id, CustomResourceOptions? options = null) => new(name, id, options);

    [Output("spec")]
    internal Output<JsonElement?> SpecJson { get; private set; } = null!;

    [Output("status")]
    internal Output<JsonElement?> StatusJson { get; private set; } = null!;

    private static KubernetesWireArgs ToWire(string name, CronJobArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return new WireBuilder(TypeToken, name, nameof(CronJobArgs), "batch/v1", "CronJob")
            .Metadata(args.Metadata, NameRule.Dns1123Subdomain)
            .Field("spec", args.Spec)
            .Build();
    }
}
