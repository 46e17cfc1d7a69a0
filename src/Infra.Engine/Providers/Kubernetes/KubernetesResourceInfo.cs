namespace Infra.Engine.Providers.Kubernetes;

/// <summary>One served resource type, from discovery (or from the built-in table in render mode and preview).</summary>
/// <param name="Type">Group, version and kind.</param>
/// <param name="Plural">The resource name in URLs, e.g. <c>deployments</c>.</param>
/// <param name="Namespaced">Whether objects live in a namespace.</param>
internal sealed record KubernetesResourceInfo(KubernetesTypeToken Type, string Plural, bool Namespaced)
{
    /// <summary>The collection URL path, e.g. <c>/apis/apps/v1/namespaces/default/deployments</c>.</summary>
    public string CollectionPath(string? ns)
    {
        var root = Type.Group.Length == 0 ? "/api/v1" : $"/apis/{Type.Group}/{Type.Version}";
        if (Type.Group.Length == 0 && Type.Version != "v1")
        {
            root = $"/api/{Type.Version}";
        }

        return Namespaced ? $"{root}/namespaces/{Uri.EscapeDataString(ns ?? "default")}/{Plural}" : $"{root}/{Plural}";
    }

    /// <summary>The object URL path.</summary>
    public string ObjectPath(string? ns, string name) => $"{CollectionPath(ns)}/{Uri.EscapeDataString(name)}";
}
