namespace Infra.Engine.Providers.Kubernetes;

/// <summary>
/// A kubernetes type token <c>kubernetes:&lt;group&gt;/&lt;version&gt;:&lt;Kind&gt;</c> (provider-schemas.md §1.1); the core
/// group is written <c>core</c> and becomes apiVersion <c>v1</c>.
/// </summary>
/// <param name="Group">The API group, empty for the core group.</param>
/// <param name="Version">The API version, e.g. <c>v1</c>.</param>
/// <param name="Kind">The kind, e.g. <c>Deployment</c>.</param>
internal readonly record struct KubernetesTypeToken(string Group, string Version, string Kind)
{
    /// <summary>The package prefix of every token.</summary>
    public const string Prefix = "kubernetes:";

    /// <summary>The apiVersion of objects of this type (<c>v1</c> or <c>group/version</c>).</summary>
    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    /// <summary>Parses a token; returns false (with the reason) when it is not a resource token of this provider.</summary>
    public static bool TryParse(string token, out KubernetesTypeToken result, out string reason)
    {
        ArgumentNullException.ThrowIfNull(token);
        result = default;
        if (!token.StartsWith(Prefix, StringComparison.Ordinal))
        {
            reason = $"type '{token}' is not a kubernetes type (expected 'kubernetes:<group>/<version>:<Kind>')";
            return false;
        }

        var rest = token[Prefix.Length..];
        var colon = rest.LastIndexOf(':');
        var slash = colon < 0 ? -1 : rest.LastIndexOf('/', colon);
        if (colon <= 0 || slash <= 0 || slash + 1 >= colon || colon + 1 >= rest.Length)
        {
            reason = $"type '{token}' is not of the form 'kubernetes:<group>/<version>:<Kind>'";
            return false;
        }

        var group = rest[..slash];
        result = new KubernetesTypeToken(group == "core" ? string.Empty : group, rest[(slash + 1)..colon], rest[(colon + 1)..]);
        reason = string.Empty;
        return true;
    }

    /// <summary>Parses the apiVersion of an object (<c>v1</c> or <c>group/version</c>) and a kind.</summary>
    public static KubernetesTypeToken FromApiVersion(string apiVersion, string kind)
    {
        var slash = apiVersion.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? new KubernetesTypeToken(string.Empty, apiVersion, kind) : new KubernetesTypeToken(apiVersion[..slash], apiVersion[(slash + 1)..], kind);
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Prefix}{(Group.Length == 0 ? "core" : Group)}/{Version}:{Kind}";
}
