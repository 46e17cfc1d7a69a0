using System.Text.Json;
using Infra.Kubernetes.Wire;
using k8s.Models;

namespace Infra.Kubernetes.Batch.V1;

/// <summary>A Job: pods that run to completion. Changing completions, parallelism, selector or template replaces it.</summary>
/// <remarks>Type token <c>kubernetes:batch/v1:Job</c>; sent with <c>apiVersion: batch/v1</c> and <c>kind: Job</c>.</remarks>
public sealed class Job : KubernetesResource
{
    /// <summary>The type token.</summary>
    public const string TypeToken = "kubernetes:batch/v1:Job";

    private Output<V1JobSpec?>? _spec;
    private Output<V1JobStatus?>? _status;

    /// <summary>Registers a Job.</summary>
    /// <param name="name">The logical name. When <c>metadata.name</c> is not set, the provider names the object after it plus a random suffix.</param>
    /// <param name="args">The object.</param>
    /// <param name="options">The options.</param>
    /// <exception cref="ArgumentException">A known input breaks a Kubernetes rule; the message lists every problem.</exception>
    public Job(string name, JobArgs? args = null, CustomResourceOptions? options = null)
        : base(TypeToken, name, ToWire(name, args ?? new JobArgs()), options)
    {
    }

    private Job(string name, Input<string> id, CustomResourceOptions? options)
        : base(TypeToken, name, ResourceArgs.Empty, ReadOptions(options, id))
    {
    }

    /// <summary>The live spec, with server defaults; null when the object has none.</summary>
    public Output<V1JobSpec?> Spec => _spec ??= KubernetesJsonValues.FromJson<V1JobSpec>(SpecJson);

    /// <summary>The status the cluster reports; null when there is none (e.g. with renderYamlToDirectory).</summary>
    public Output<V1JobStatus?> Status => _status ??= KubernetesJsonValues.FromJson<V1JobStatus>(StatusJson);

    /// <summary>Reads an existing Job instead of managing it; its outputs are the live object.</summary>
    /// <param name="name">The logical name.</param>
    /// <param name="id">The object's ID: <c>namespace/name</c>, or <c>name</c> for cluster-scoped kinds and the provider's default namespace.</param>
    /// <param name="options">The options.</param>
    public static Job Get(string name, Input<string> id, CustomResourceOptions? options = null) => new(name, id, options);

    [Output("spec")]
    internal Output<JsonElement?> SpecJson { get; private set; } = null!;

    [Output("status")]
    internal Output<JsonElement?> StatusJson { get; private set; } = null!;

    private static KubernetesWireArgs ToWire(string name, JobArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return new WireBuilder(TypeToken, name, nameof(JobArgs), "batch/v1", "Job")
            .Metadata(args.Metadata, NameRule.Dns1123Subdomain)
            .Field("spec", args.Spec)
            .Build();
    }
}
