using System.Collections.Immutable;
using Infra.Protocol.Values;

namespace Infra.Engine.Providers;

/// <summary>Configuration of a provider instance.</summary>
internal sealed record ConfigureRequest
{
    /// <summary>Configuration keys without the package prefix (e.g. <c>kubeconfig</c>), possibly secret or unknown.</summary>
    public required ImmutableSortedDictionary<string, PropertyValue> Config { get; init; }

    /// <summary>Whether this run is a preview (the provider must not contact anything to mutate it).</summary>
    public bool Preview { get; init; }
}
