using System.Collections.Immutable;
using k8s.Models;

namespace Infra.Kubernetes.Wire;

/// <summary>
/// Builds the wire inputs of one Kubernetes object and validates the values that are known at
/// construction. <see cref="Build"/> throws one exception listing every problem, so nothing is
/// registered when an input is invalid.
/// </summary>
/// <param name="typeToken">The resource type token, for the message headline.</param>
/// <param name="resourceName">The logical name, for the message headline.</param>
/// <param name="argsName">The args type name that prefixes each problem, e.g. <c>DeploymentArgs</c>.</param>
/// <param name="apiVersion">The <c>apiVersion</c> sent.</param>
/// <param name="kind">The <c>kind</c> sent.</param>
internal sealed class WireBuilder(string typeToken, string resourceName, string argsName, string apiVersion, string kind)
{
    private readonly List<string> _problems = [];
    private readonly KubernetesWireArgs _args = new(apiVersion, kind);

    /// <summary>Adds <c>metadata</c> and checks its known name, namespace, label and annotation keys.</summary>
    public WireBuilder Metadata(Input<V1ObjectMeta>? metadata, NameRule nameRule)
    {
        if (metadata is null)
        {
            return this;
        }

        if (KnownValues.TryGet(metadata, out var meta, out var secret) && meta is not null)
        {
            if (meta.Name is { } name && KubernetesRules.CheckName(name, nameRule) is { } nameProblem)
            {
                Problem("Metadata.Name", nameProblem, name, secret);
            }

            if (meta.NamespaceProperty is { } ns && !KubernetesRules.IsDns1123Label(ns))
            {
                Problem("Metadata.Namespace", KubernetesRules.Dns1123LabelRule, ns, secret);
            }

            foreach (var (key, value) in (meta.Labels ?? ImmutableDictionary<string, string>.Empty).OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                if (!KubernetesRules.IsQualifiedName(key))
                {
                    Problem($"Metadata.Labels[\"{key}\"]", KubernetesRules.QualifiedNameRule, key, secret);
                }

                if (value is null || !KubernetesRules.IsLabelValue(value))
                {
                    Problem($"Metadata.Labels[\"{key}\"]", KubernetesRules.LabelValueRule, value, secret);
                }
            }

            foreach (var key in (meta.Annotations ?? ImmutableDictionary<string, string>.Empty).Keys.Order(StringComparer.Ordinal))
            {
                if (!KubernetesRules.IsQualifiedName(key))
                {
                    Problem($"Metadata.Annotations[\"{key}\"]", KubernetesRules.QualifiedNameRule, key, secret);
                }
            }
        }

        return Field("metadata", metadata);
    }

    /// <summary>Adds a top-level field in its Kubernetes JSON shape; marked secret when asked.</summary>
    public WireBuilder Field<T>(string wireName, Input<T>? value, bool secret = false)
    {
        if (value is not null)
        {
            var json = KubernetesJsonValues.ToJson(value);
            _args.Set(wireName, secret ? Output.CreateSecret(json) : json);
        }

        return this;
    }

    /// <summary>Adds a string map of ConfigMap/Secret data, checking its known keys (and values, when asked).</summary>
    public WireBuilder DataMap(string wireName, string propertyName, InputMap<string>? map, bool secret, Func<string, string?>? valueRule = null)
    {
        if (map is null)
        {
            return this;
        }

        if (KnownValues.TryGet(map, out var values, out var isSecret))
        {
            foreach (var (key, value) in values.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                if (!KubernetesRules.IsDataKey(key))
                {
                    Problem($"{propertyName}[\"{key}\"]", KubernetesRules.DataKeyRule, key, isSecret);
                }

                if (valueRule?.Invoke(value) is { } rule)
                {
                    Problem($"{propertyName}[\"{key}\"]", rule, value, secret || isSecret);
                }
            }
        }

        return Field(wireName, map, secret);
    }

    /// <summary>Records a problem; the value is shown unless secret.</summary>
    public void Problem(string property, string rule, string? value, bool secret = false)
    {
        var shown = secret ? "[secret]" : value is null ? "null" : $"'{value}'";
        _problems.Add($"{argsName}.{property}: {rule} (was {shown})");
    }

    /// <summary>Records a problem that has no single offending value.</summary>
    public void Problem(string property, string rule) => _problems.Add($"{argsName}.{property}: {rule}");

    /// <summary>The known keys of a string map input, or none when it is unknown.</summary>
    public static IEnumerable<string> KnownKeys(InputMap<string>? map) =>
        KnownValues.TryGet(map, out var values, out _) ? values.Keys.Order(StringComparer.Ordinal) : [];

    /// <summary>Returns the wire inputs, or throws one <see cref="ArgumentException"/> listing every problem.</summary>
    public KubernetesWireArgs Build()
    {
        if (_problems.Count > 0)
        {
            throw new ArgumentException(
                $"Invalid {typeToken} '{resourceName}':{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", _problems));
        }

        return _args;
    }
}
