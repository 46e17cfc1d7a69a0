using System.Collections.Immutable;
using Infra.Protocol;

namespace Infra.Engine.State;

/// <summary>
/// The integrity rules the Pulumi CLI enforces on every read and write of a snapshot
/// (pulumi-formats.md §4.5). A snapshot that breaks them is refused by the real CLI, so the engine
/// checks them before writing and after reading, and reports every violation at once.
/// </summary>
internal static class StateIntegrity
{
    /// <summary>Returns every violation in <paramref name="snapshot"/>, in resource order (empty when valid).</summary>
    public static ImmutableArray<IntegrityViolation> Check(StackSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var violations = ImmutableArray.CreateBuilder<IntegrityViolation>();

        var expectedMagic = SnapshotManifest.ComputeMagic(snapshot.Manifest.Version);
        if (snapshot.Manifest.Magic != expectedMagic)
        {
            violations.Add(new IntegrityViolation(
                null,
                "magic-cookie",
                $"magic cookie mismatch: manifest.magic '{snapshot.Manifest.Magic}' is not the SHA-256 of manifest.version '{snapshot.Manifest.Version}' (expected '{expectedMagic}'); possible tampering or corruption"));
        }

        var resources = snapshot.Resources.IsDefault ? [] : snapshot.Resources;
        var allUrns = new HashSet<string>(resources.Length, StringComparer.Ordinal);
        var allProviders = new HashSet<string>(StringComparer.Ordinal);
        foreach (var resource in resources)
        {
            allUrns.Add(resource.Urn);
            if (IsProvider(resource) && !string.IsNullOrEmpty(resource.Id))
            {
                allProviders.Add(resource.Urn + "::" + resource.Id);
            }
        }

        var seenUrns = new HashSet<string>(resources.Length, StringComparer.Ordinal);
        var seenProviders = new HashSet<string>(StringComparer.Ordinal);
        var liveCopies = new Dictionary<string, int>(resources.Length, StringComparer.Ordinal);
        var copies = new Dictionary<string, int>(resources.Length, StringComparer.Ordinal);
        for (var index = 0; index < resources.Length; index++)
        {
            var resource = resources[index];
            var urn = resource.Urn;
            var subject = string.IsNullOrEmpty(urn) ? $"resources[{index}]" : urn;
            if (string.IsNullOrEmpty(urn))
            {
                violations.Add(new IntegrityViolation(subject, "urn-required", "urn is missing (every resource needs one)"));
            }

            if (string.IsNullOrEmpty(resource.Type))
            {
                violations.Add(new IntegrityViolation(subject, "type-required", "type is missing (every resource needs one)"));
            }

            if (!resource.Custom && !string.IsNullOrEmpty(resource.Id))
            {
                violations.Add(new IntegrityViolation(
                    subject,
                    "id-on-component",
                    $"id '{resource.Id}' is set on a non-custom resource (only custom resources may have an id)"));
            }

            if (IsProvider(resource) && string.IsNullOrEmpty(resource.Id))
            {
                violations.Add(new IntegrityViolation(
                    subject,
                    "provider-referenceable",
                    "provider resource has no id, so it cannot be referenced (a provider needs a URN and an id)"));
            }

            if (resource.Provider is { Length: > 0 } provider && !resource.PendingReplacement)
            {
                var separator = provider.LastIndexOf("::", StringComparison.Ordinal);
                if (separator <= 0 || separator + 2 >= provider.Length)
                {
                    violations.Add(new IntegrityViolation(
                        subject,
                        "provider-reference",
                        $"provider '{provider}' is not a provider reference of the form <providerURN>::<providerID>"));
                }
                else if (!seenProviders.Contains(provider))
                {
                    violations.Add(allProviders.Contains(provider)
                        ? new IntegrityViolation(subject, "provider-order", $"provider '{provider}' comes after it (a provider must appear earlier in the resource list)")
                        : new IntegrityViolation(subject, "provider-missing", $"provider '{provider}' refers to an unknown provider (no provider resource with that URN and id is in the resource list)"));
                }
            }

            CheckReference(violations, subject, "parent", resource.Parent, seenUrns, allUrns);
            if (!resource.Dependencies.IsDefault)
            {
                foreach (var dependency in resource.Dependencies)
                {
                    CheckReference(violations, subject, "dependency", dependency, seenUrns, allUrns);
                }
            }

            if (resource.PropertyDependencies is { } propertyDependencies)
            {
                foreach (var (property, urns) in propertyDependencies.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    if (urns.IsDefault)
                    {
                        continue;
                    }

                    foreach (var dependency in urns)
                    {
                        CheckReference(violations, subject, $"propertyDependencies['{property}']", dependency, seenUrns, allUrns, "property-dependency");
                    }
                }
            }

            CheckReference(violations, subject, "deletedWith", resource.DeletedWith, seenUrns, allUrns, "deleted-with");

            copies[urn] = copies.GetValueOrDefault(urn) + 1;
            if (!resource.Delete)
            {
                liveCopies[urn] = liveCopies.GetValueOrDefault(urn) + 1;
            }

            seenUrns.Add(urn);
            if (IsProvider(resource) && !string.IsNullOrEmpty(resource.Id))
            {
                seenProviders.Add(urn + "::" + resource.Id);
            }
        }

        foreach (var (urn, live) in liveCopies)
        {
            if (live > 1)
            {
                violations.Add(new IntegrityViolation(
                    urn,
                    "duplicate-urn",
                    $"urn appears {copies[urn]} times and {live} of the copies lack delete: true (a URN may repeat only when all copies but at most one have delete: true)"));
            }
        }

        return violations.ToImmutable();
    }

    /// <summary>Throws a <see cref="StateIntegrityException"/> listing every violation, if there is any.</summary>
    /// <param name="snapshot">The snapshot to check.</param>
    /// <param name="context">What is being checked, for the message (e.g. <c>the state of stack 'organization/p/dev'</c>).</param>
    public static void ThrowIfInvalid(StackSnapshot snapshot, string context)
    {
        var violations = Check(snapshot);
        if (!violations.IsEmpty)
        {
            throw new StateIntegrityException(context, violations);
        }
    }

    internal static bool IsProvider(ResourceState resource) =>
        resource.Type.StartsWith(WireConstants.ProviderTypePrefix, StringComparison.Ordinal);

    private static void CheckReference(
        ImmutableArray<IntegrityViolation>.Builder violations,
        string subject,
        string field,
        string? target,
        HashSet<string> seen,
        HashSet<string> all,
        string? ruleStem = null)
    {
        if (string.IsNullOrEmpty(target) || seen.Contains(target))
        {
            return;
        }

        var stem = ruleStem ?? field;
        violations.Add(all.Contains(target)
            ? new IntegrityViolation(subject, stem + "-order", $"{field} '{target}' comes after it (it must appear earlier in the resource list)")
            : new IntegrityViolation(subject, stem + "-missing", $"{field} '{target}' is missing (no resource with that URN is in the resource list)"));
    }
}
