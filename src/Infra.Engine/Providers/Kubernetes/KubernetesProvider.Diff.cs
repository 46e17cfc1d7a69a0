using System.Collections.Immutable;
using Infra.Engine.Planning;
using Infra.Protocol.Values;

namespace Infra.Engine.Providers.Kubernetes;

internal sealed partial class KubernetesProvider
{
    /// <inheritdoc/>
    /// <remarks>
    /// Replacement rules (provider-schemas.md §1.1): metadata.name/namespace always; the kind's immutable fields; ConfigMap
    /// data/binaryData and Secret data/stringData unless <c>enableConfigMapMutable</c>/<c>enableSecretMutable</c> is set
    /// and the object is not <c>immutable</c>; Secret type always. An unknown value on such a path counts as a change.
    /// Delete-before-replace is asked for when the name was set explicitly and the name and namespace stay the same.
    /// </remarks>
    public Task<DiffResult> DiffAsync(DiffRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var type = TypeOf(request.Urn);
        var olds = request.OldInputs;
        var news = request.NewInputs;
        var detailed = ImmutableSortedDictionary.CreateBuilder<string, PropertyDiff>(StringComparer.Ordinal);
        var replaceKeys = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var path in ReplacementPaths(type, olds, news))
        {
            var before = KubernetesJson.At(olds, path);
            var after = KubernetesJson.At(news, path);
            if (!SameValue(before, after))
            {
                detailed[path] = new PropertyDiff(IsAbsent(before) ? PropertyDiffKind.AddReplace : IsAbsent(after) ? PropertyDiffKind.DeleteReplace : PropertyDiffKind.UpdateReplace);
                replaceKeys.Add(path.Split('.')[0]);
            }
        }

        var changes = PropertyMaps.Compare(olds, news);
        foreach (var (key, kind) in changes)
        {
            if (!detailed.ContainsKey(key))
            {
                detailed[key] = new PropertyDiff(kind);
            }
        }

        var forceRender = _config.IsRenderMode && _config.AlwaysRender;
        if (changes.IsEmpty && !forceRender)
        {
            return Task.FromResult(DiffResult.NoChanges);
        }

        var replaces = detailed.Values.Any(d => d.IsReplace);
        var named = !AnnotationTrue(news, KubernetesAnnotations.Autonamed);
        var sameIdentity = SameValue(KubernetesJson.At(olds, "metadata.name"), KubernetesJson.At(news, "metadata.name"))
            && SameValue(KubernetesJson.At(olds, "metadata.namespace"), KubernetesJson.At(news, "metadata.namespace"));
        return Task.FromResult(new DiffResult
        {
            Changes = DiffChanges.Some,
            ReplaceKeys = [.. replaceKeys],
            ChangedKeys = changes.IsEmpty ? ["metadata"] : [.. changes.Keys],
            DetailedDiff = detailed.ToImmutable(),
            DeleteBeforeReplace = replaces && named && sameIdentity,
        });
    }

    /// <summary>Whether going from <paramref name="olds"/> to <paramref name="news"/> needs a replacement (used by autonaming).</summary>
    private bool RequiresReplacement(KubernetesTypeToken type, IReadOnlyDictionary<string, PropertyValue> olds, IReadOnlyDictionary<string, PropertyValue> news) =>
        ReplacementPaths(type, olds, news).Any(p => !SameValue(KubernetesJson.At(olds, p), KubernetesJson.At(news, p)));

    private IEnumerable<string> ReplacementPaths(KubernetesTypeToken type, IReadOnlyDictionary<string, PropertyValue> olds, IReadOnlyDictionary<string, PropertyValue> news)
    {
        yield return "metadata.name";
        yield return "metadata.namespace";
        foreach (var path in KubernetesKinds.ReplacementPaths(type.Group, type.Kind))
        {
            yield return path;
        }

        if (type.Group.Length != 0)
        {
            yield break;
        }

        var immutable = IsTrue(olds.GetValueOrDefault("immutable")) || IsTrue(news.GetValueOrDefault("immutable"));
        if (type.Kind == "ConfigMap" && (!_config.EnableConfigMapMutable || immutable))
        {
            yield return "data";
            yield return "binaryData";
        }
        else if (type.Kind == "Secret" && (!_config.EnableSecretMutable || immutable))
        {
            yield return "data";
            yield return "stringData";
        }
    }

    private static bool IsTrue(PropertyValue? value) => KubernetesJson.Unwrap(value) is { Kind: PropertyValueKind.Bool, BoolValue: true };

    private static bool IsAbsent(PropertyValue? value) => value is null || value.IsNull;

    private static bool SameValue(PropertyValue? left, PropertyValue? right)
    {
        if (IsAbsent(left) && IsAbsent(right))
        {
            return true;
        }

        if (IsAbsent(left) || IsAbsent(right) || left!.ContainsUnknowns || right!.ContainsUnknowns)
        {
            return false;
        }

        return left.WithoutSecrets().Equals(right.WithoutSecrets());
    }
}
