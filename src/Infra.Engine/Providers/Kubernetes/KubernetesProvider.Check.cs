using System.Collections.Immutable;
using Infra.Engine.Planning;
using Infra.Protocol.Values;

namespace Infra.Engine.Providers.Kubernetes;

internal sealed partial class KubernetesProvider
{
    private static readonly string[] PropagationPolicies = ["Foreground", "Background", "Orphan"];

    /// <inheritdoc/>
    /// <remarks>
    /// Fills <c>apiVersion</c>/<c>kind</c> from the type, autonames an unnamed object (<c>&lt;name&gt;-&lt;8 hex&gt;</c>, the old
    /// name when it needs no replacement, a fresh one when it does), and validates names, labels, annotations and the
    /// control annotations. Never contacts the cluster.
    /// </remarks>
    public Task<CheckResult> CheckAsync(CheckRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var failures = new List<CheckFailure>();
        if (!KubernetesTypeToken.TryParse(ResourceUrn.TypeOf(request.Urn), out var type, out var reason))
        {
            return Task.FromResult(new CheckResult { Inputs = request.News, Failures = [new CheckFailure(string.Empty, reason)] });
        }

        if (type.Kind.EndsWith("Patch", StringComparison.Ordinal) || type.Kind.EndsWith("List", StringComparison.Ordinal))
        {
            failures.Add(new CheckFailure(string.Empty, $"{type} resources are not supported by the built-in kubernetes provider; declare the objects themselves"));
        }

        var news = PropertyMaps.Ordinal(request.News).ToBuilder();
        CheckIdentity(type, news, "apiVersion", type.ApiVersion, failures);
        CheckIdentity(type, news, "kind", type.Kind, failures);

        var metadata = news.GetValueOrDefault("metadata");
        if (metadata is not null && !metadata.IsNull && KubernetesJson.Unwrap(metadata) is { Kind: not PropertyValueKind.Object and not PropertyValueKind.Unknown })
        {
            failures.Add(new CheckFailure("metadata", $"must be an object (was {metadata})"));
        }
        else if (metadata is null || metadata.IsNull || KubernetesJson.Unwrap(metadata)!.Kind == PropertyValueKind.Object)
        {
            CheckName(request, type, news, failures);
            CheckMetadata(type, news, failures);
        }

        if (_config.IsRenderMode && !_config.RenderSecrets && !(type.Group.Length == 0 && type.Kind == "Secret"))
        {
            foreach (var (key, value) in news)
            {
                if (value.ContainsSecrets)
                {
                    failures.Add(new CheckFailure(
                        key,
                        "holds a secret value, and render mode does not write secrets in plaintext; reference a Secret object instead (secretKeyRef), or set kubernetes:renderSecrets to true"));
                }
            }
        }

        if (type.Group.Length == 0 && type.Kind == "Secret")
        {
            foreach (var key in new[] { "data", "stringData" })
            {
                if (news.TryGetValue(key, out var value) && !value.IsNull)
                {
                    news[key] = PropertyValue.CreateSecret(value);
                }
            }
        }

        return Task.FromResult(new CheckResult { Inputs = news.ToImmutable(), Failures = [.. failures] });
    }

    private static void CheckIdentity(
        KubernetesTypeToken type, ImmutableSortedDictionary<string, PropertyValue>.Builder news, string key, string expected, List<CheckFailure> failures)
    {
        if (news.TryGetValue(key, out var value) && !value.IsNull && !value.ContainsUnknowns)
        {
            if (KubernetesJson.AsString(value) != expected)
            {
                failures.Add(new CheckFailure(key, $"must be '{expected}' for type {type} (was {value})"));
            }

            return;
        }

        news[key] = PropertyValue.Create(expected);
    }

    private void CheckName(CheckRequest request, KubernetesTypeToken type, ImmutableSortedDictionary<string, PropertyValue>.Builder news, List<CheckFailure> failures)
    {
        var metadata = news.GetValueOrDefault("metadata");
        var name = KubernetesJson.Member(metadata, "name");
        if (name is not null && !name.IsNull)
        {
            if (KubernetesJson.AsString(name) is { } known)
            {
                if (KubernetesNames.Validate(known, KubernetesKinds.NameRule(type.Group, type.Kind)) is { } rule)
                {
                    failures.Add(new CheckFailure("metadata.name", $"{rule} (was '{known}')"));
                }
            }
            else if (!name.ContainsUnknowns)
            {
                failures.Add(new CheckFailure("metadata.name", $"must be a string (was {name})"));
            }

            return;
        }

        if (KubernetesJson.Member(metadata, "generateName") is { IsNull: false })
        {
            failures.Add(new CheckFailure("metadata.generateName", "is not supported by the built-in kubernetes provider: set metadata.name, or leave both unset to autoname the object"));
            return;
        }

        if (_config.DisableAutonaming)
        {
            failures.Add(new CheckFailure("metadata.name", "is required: autonaming is disabled (kubernetes:disableAutonaming), so every object must set metadata.name"));
            return;
        }

        var olds = request.Olds;
        var oldName = AnnotationTrue(olds, KubernetesAnnotations.Autonamed) ? KubernetesJson.AsString(KubernetesJson.At(olds, "metadata.name")) : null;
        var annotations = KubernetesJson.With(KubernetesJson.Member(metadata, "annotations"), KubernetesAnnotations.Autonamed, PropertyValue.Create("true"));
        var withAnnotation = KubernetesJson.With(metadata, "annotations", annotations);
        string chosen;
        if (oldName is not null)
        {
            news["metadata"] = KubernetesJson.With(withAnnotation, "name", PropertyValue.Create(oldName));
            if (!RequiresReplacement(type, olds, news))
            {
                return;
            }
        }

        var seedInputs = news.ToImmutable().SetItem("metadata", withAnnotation);
        chosen = KubernetesNames.Autoname(ResourceUrn.NameOf(request.Urn), request.Urn + "\n" + KubernetesJson.Canonical(seedInputs));
        if (chosen == oldName)
        {
            chosen = KubernetesNames.Autoname(ResourceUrn.NameOf(request.Urn), request.Urn + "\n" + oldName);
        }

        if (KubernetesNames.Validate(chosen, KubernetesKinds.NameRule(type.Group, type.Kind)) is { } broken)
        {
            failures.Add(new CheckFailure(
                "metadata.name",
                $"the autoname '{chosen}' made from resource name '{ResourceUrn.NameOf(request.Urn)}' {broken}; set metadata.name explicitly or rename the resource"));
        }

        news["metadata"] = KubernetesJson.With(withAnnotation, "name", PropertyValue.Create(chosen));
    }

    private static void CheckMetadata(KubernetesTypeToken type, ImmutableSortedDictionary<string, PropertyValue>.Builder news, List<CheckFailure> failures)
    {
        var metadata = news.GetValueOrDefault("metadata");
        if (KubernetesJson.AsString(KubernetesJson.Member(metadata, "namespace")) is { } ns)
        {
            if (KubernetesNames.Validate(ns, KubernetesNameRule.Label) is { } rule)
            {
                failures.Add(new CheckFailure("metadata.namespace", $"{rule} (was '{ns}')"));
            }
            else if (KubernetesKinds.IsClusterScoped(type.Group, type.Kind))
            {
                failures.Add(new CheckFailure("metadata.namespace", $"must not be set: {type.Kind} is cluster-scoped (was '{ns}')"));
            }
        }

        if (KubernetesJson.Unwrap(KubernetesJson.Member(metadata, "labels")) is { Kind: PropertyValueKind.Object } labels)
        {
            foreach (var (key, value) in labels.ObjectValue)
            {
                if (KubernetesNames.ValidateKey(key) is { } rule)
                {
                    failures.Add(new CheckFailure($"metadata.labels[\"{key}\"]", $"key {rule} (was '{key}')"));
                }

                if (KubernetesJson.AsString(value) is { } text && KubernetesNames.ValidateLabelValue(text) is { } valueRule && !value.ContainsSecrets)
                {
                    failures.Add(new CheckFailure($"metadata.labels[\"{key}\"]", $"value {valueRule} (was '{text}')"));
                }
            }
        }

        if (KubernetesJson.Unwrap(KubernetesJson.Member(metadata, "annotations")) is not { Kind: PropertyValueKind.Object } annotations)
        {
            return;
        }

        foreach (var (key, value) in annotations.ObjectValue)
        {
            if (KubernetesNames.ValidateKey(key) is { } rule)
            {
                failures.Add(new CheckFailure($"metadata.annotations[\"{key}\"]", $"key {rule} (was '{key}')"));
                continue;
            }

            var text = KubernetesJson.AsString(value);
            if (text is null)
            {
                continue;
            }

            var problem = key switch
            {
                KubernetesAnnotations.SkipAwait or KubernetesAnnotations.PatchForce when !bool.TryParse(text, out _) => "must be \"true\" or \"false\"",
                KubernetesAnnotations.TimeoutSeconds when !KubernetesNames.TryParsePositive(text, out _) => "must be a positive whole number of seconds",
                KubernetesAnnotations.DeletionPropagationPolicy when !PropagationPolicies.Contains(text, StringComparer.OrdinalIgnoreCase) =>
                    "must be one of foreground, background or orphan",
                KubernetesAnnotations.PatchFieldManager when text.Length is 0 or > 128 => "must be 1 to 128 characters",
                _ => null,
            };
            if (problem is not null)
            {
                failures.Add(new CheckFailure($"metadata.annotations[\"{key}\"]", $"{problem} (was '{text}')"));
            }
        }
    }
}
