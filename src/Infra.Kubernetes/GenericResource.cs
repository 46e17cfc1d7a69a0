using System.Collections.Frozen;
using System.Text.Json;
using System.Text.RegularExpressions;
using Infra.Kubernetes.Wire;

namespace Infra.Kubernetes;

/// <summary>
/// Any Kubernetes object by <c>apiVersion</c> and <c>kind</c>, typically a custom resource of an installed
/// CRD. Its type token is <c>kubernetes:&lt;apiVersion&gt;:&lt;Kind&gt;</c> (the core group written as
/// <c>core</c>), e.g. <c>kubernetes:cert-manager.io/v1:ClusterIssuer</c>.
/// </summary>
/// <remarks>
/// Make the resource depend on whatever installs its CRD (a Helm chart, a CustomResourceDefinition), or
/// preview and the first update fail because the kind is not known yet.
/// </remarks>
public sealed partial class GenericResource : KubernetesResource
{
    private static readonly FrozenSet<string> Reserved = FrozenSet.Create(StringComparer.Ordinal, "apiVersion", "kind", "metadata", "spec", "status");

    /// <summary>Registers the object.</summary>
    /// <param name="name">The logical name. When <c>metadata.name</c> is not set, the provider names the object after it plus a random suffix.</param>
    /// <param name="args">The object.</param>
    /// <param name="options">The options.</param>
    /// <exception cref="ArgumentException">The apiVersion, kind or a known input is invalid; the message lists every problem.</exception>
    public GenericResource(string name, GenericResourceArgs args, CustomResourceOptions? options = null)
        : base(TypeTokenOf(args), name, ToWire(name, args), options)
    {
    }

    private GenericResource(string name, string apiVersion, string kind, Input<string> id, CustomResourceOptions? options)
        : base(TypeTokenOf(apiVersion, kind), name, ResourceArgs.Empty, ReadOptions(options, id))
    {
    }

    /// <summary>The top-level field names <see cref="GenericResourceArgs.OtherFields"/> can carry, sorted.</summary>
    public static IReadOnlyList<string> SupportedFields { get; } =
        [.. KubernetesWireArgs.FieldNames.Where(f => !Reserved.Contains(f)).Order(StringComparer.Ordinal)];

    /// <summary>The live spec as JSON; null when the object has none. See <see cref="GetSpec{T}"/> for a typed view.</summary>
    [Output("spec")]
    public Output<JsonElement?> Spec { get; private set; } = null!;

    /// <summary>The status the controller reports, as JSON; null when there is none.</summary>
    [Output("status")]
    public Output<JsonElement?> Status { get; private set; } = null!;

    /// <summary>Returns the type token of an object: <c>kubernetes:&lt;group&gt;/&lt;version&gt;:&lt;Kind&gt;</c>.</summary>
    /// <param name="apiVersion">The <c>apiVersion</c>, e.g. <c>apps/v1</c> or <c>v1</c>.</param>
    /// <param name="kind">The <c>kind</c>.</param>
    public static string TypeTokenOf(string apiVersion, string kind)
    {
        ArgumentNullException.ThrowIfNull(apiVersion);
        ArgumentNullException.ThrowIfNull(kind);
        return apiVersion.Contains('/', StringComparison.Ordinal)
            ? $"{KubernetesPackage.Name}:{apiVersion}:{kind}"
            : $"{KubernetesPackage.Name}:core/{apiVersion}:{kind}";
    }

    /// <summary>Reads an existing object instead of managing it; its outputs are the live object.</summary>
    /// <param name="name">The logical name.</param>
    /// <param name="apiVersion">The object's <c>apiVersion</c>, e.g. <c>cert-manager.io/v1</c>.</param>
    /// <param name="kind">The object's <c>kind</c>.</param>
    /// <param name="id">The object's ID: <c>namespace/name</c>, or <c>name</c> for cluster-scoped kinds and the provider's default namespace.</param>
    /// <param name="options">The options.</param>
    public static GenericResource Get(string name, string apiVersion, string kind, Input<string> id, CustomResourceOptions? options = null) =>
        new(name, apiVersion, kind, id, options);

    /// <summary>The live spec read into <typeparamref name="T"/> through the Kubernetes JSON rules; null when absent.</summary>
    /// <typeparam name="T">A model of the spec, e.g. a generated CRD type.</typeparam>
    public Output<T?> GetSpec<T>()
        where T : class => KubernetesJsonValues.FromJson<T>(Spec);

    /// <summary>The live status read into <typeparamref name="T"/>; null when absent.</summary>
    /// <typeparam name="T">A model of the status.</typeparam>
    public Output<T?> GetStatus<T>()
        where T : class => KubernetesJsonValues.FromJson<T>(Status);

    private static string TypeTokenOf(GenericResourceArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return TypeTokenOf(args.ApiVersion ?? string.Empty, args.Kind ?? string.Empty);
    }

    private static KubernetesWireArgs ToWire(string name, GenericResourceArgs args)
    {
        var builder = new WireBuilder(TypeTokenOf(args), name, nameof(GenericResourceArgs), args.ApiVersion, args.Kind)
            .Metadata(args.Metadata, NameRule.PathSegment)
            .Field("spec", args.Spec);
        if (args.ApiVersion is null || !ApiVersionPattern().IsMatch(args.ApiVersion))
        {
            builder.Problem(
                nameof(GenericResourceArgs.ApiVersion),
                "must be '<group>/<version>' or, for the core group, '<version>' (e.g. 'cert-manager.io/v1', 'v1')",
                args.ApiVersion);
        }

        if (args.Kind is null || !KindPattern().IsMatch(args.Kind))
        {
            builder.Problem(nameof(GenericResourceArgs.Kind), "must be a kind name: a letter, then letters and digits (e.g. 'ClusterIssuer')", args.Kind);
        }

        foreach (var (field, value) in args.OtherFields.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var property = $"{nameof(GenericResourceArgs.OtherFields)}[\"{field}\"]";
            if (Reserved.Contains(field))
            {
                builder.Problem(property, "apiVersion, kind, metadata and spec have their own properties, and status is output only", field);
            }
            else if (!KubernetesWireArgs.FieldNames.Contains(field))
            {
                builder.Problem(property, "must be one of the supported top-level fields: " + string.Join(", ", SupportedFields), field);
            }
            else
            {
                builder.Field(field, value);
            }
        }

        return builder.Build();
    }

    [GeneratedRegex(@"^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?v[0-9]+((alpha|beta)[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex ApiVersionPattern();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]*$", RegexOptions.CultureInvariant)]
    private static partial Regex KindPattern();
}
