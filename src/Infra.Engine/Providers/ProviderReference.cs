using Infra.Engine.Planning;
using Infra.Protocol;

namespace Infra.Engine.Providers;

/// <summary>
/// A provider reference <c>&lt;providerURN&gt;::&lt;providerID&gt;</c> (pulumi-protocol.md §7.4). The ID is a
/// UUID after an update and the unknown sentinel for a provider first created in preview.
/// </summary>
internal readonly record struct ProviderReference(string Urn, string Id)
{
    /// <summary>The package of the referenced provider (from its type <c>pulumi:providers:&lt;pkg&gt;</c>).</summary>
    public string Package => PackageOfProviderType(ResourceUrn.TypeOf(Urn));

    /// <summary>Whether the ID is unknown (empty or the unknown sentinel).</summary>
    public bool IsIdUnknown => Id.Length == 0 || WireConstants.IsUnknownSentinel(Id);

    /// <summary>Whether <paramref name="type"/> is a provider resource type (<c>pulumi:providers:&lt;pkg&gt;</c>).</summary>
    public static bool IsProviderType(string type) =>
        type.StartsWith(WireConstants.ProviderTypePrefix, StringComparison.Ordinal)
        && type.Length > WireConstants.ProviderTypePrefix.Length;

    /// <summary>The package of a provider resource type.</summary>
    public static string PackageOfProviderType(string type)
    {
        if (!IsProviderType(type))
        {
            throw new ArgumentException($"Type '{type}' is not a provider type; expected 'pulumi:providers:<package>'.", nameof(type));
        }

        return type[WireConstants.ProviderTypePrefix.Length..];
    }

    /// <summary>Parses a reference, splitting at the last <c>::</c>; the left part must be a provider URN.</summary>
    public static ProviderReference Parse(string reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var split = reference.LastIndexOf("::", StringComparison.Ordinal);
        if (split <= 0)
        {
            throw new FormatException($"Provider reference '{reference}' is malformed; expected '<providerURN>::<providerID>'.");
        }

        var urn = reference[..split];
        if (!ResourceUrn.IsValid(urn) || !IsProviderType(ResourceUrn.TypeOf(urn)))
        {
            throw new FormatException(
                $"Provider reference '{reference}' is malformed: '{urn}' is not the URN of a provider resource (type 'pulumi:providers:<package>').");
        }

        return new ProviderReference(urn, reference[(split + 2)..]);
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Urn}::{(Id.Length == 0 ? WireConstants.UnknownStringSentinel : Id)}";
}
