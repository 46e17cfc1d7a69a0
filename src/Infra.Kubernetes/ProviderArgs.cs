namespace Infra.Kubernetes;

/// <summary>
/// Configuration of a <see cref="Provider"/>. The same names work as stack configuration under
/// <c>kubernetes:</c> for the default provider. Non-string values are sent JSON-encoded, as the
/// provider expects.
/// </summary>
public sealed class ProviderArgs : ResourceArgs
{
    private readonly Input<string>? _kubeConfig;

    /// <summary>
    /// The contents of a kubeconfig, or the path of one. Always sent as a secret. The provider's default
    /// is the <c>KUBECONFIG</c> environment variable, then <c>~/.kube/config</c>.
    /// </summary>
    [Input("kubeconfig")]
    public Input<string>? KubeConfig
    {
        get => _kubeConfig;
        init => _kubeConfig = value is null ? null : Output.CreateSecret(value.ToOutput());
    }

    /// <summary>The kubeconfig context to use. The default is the kubeconfig's current context.</summary>
    [Input("context")]
    public Input<string>? Context { get; init; }

    /// <summary>The kubeconfig cluster to use.</summary>
    [Input("cluster")]
    public Input<string>? Cluster { get; init; }

    /// <summary>
    /// The namespace for objects that do not set <c>metadata.namespace</c>. The default is the
    /// context's namespace.
    /// </summary>
    [Input("namespace")]
    public Input<string>? Namespace { get; init; }

    /// <summary>
    /// When set, the provider is replaced only when this value changes; every other configuration change
    /// (a rotated kubeconfig, for example) becomes an update instead of replacing every object.
    /// </summary>
    [Input("clusterIdentifier")]
    public Input<string>? ClusterIdentifier { get; init; }

    /// <summary>
    /// Writes manifests to this directory instead of applying them; no cluster is needed. Status outputs
    /// stay empty, and secrets are written in plain text.
    /// </summary>
    [Input("renderYamlToDirectory")]
    public Input<string>? RenderYamlToDirectory { get; init; }

    /// <summary>With <see cref="RenderYamlToDirectory"/>: render every object on every run.</summary>
    [Input("alwaysRender", Json = true)]
    public Input<bool>? AlwaysRender { get; init; }

    /// <summary>Server-side apply. The provider's default is true; false falls back to client-side apply.</summary>
    [Input("enableServerSideApply", Json = true)]
    public Input<bool>? EnableServerSideApply { get; init; }

    /// <summary>Force server-side apply over field conflicts for every object.</summary>
    [Input("enablePatchForce", Json = true)]
    public Input<bool>? EnablePatchForce { get; init; }

    /// <summary>Adopt objects that already exist on create instead of failing (provider 4.29.0 or later).</summary>
    [Input("upsertExistingObjects", Json = true)]
    public Input<bool>? UpsertExistingObjects { get; init; }

    /// <summary>Update ConfigMaps in place instead of replacing them.</summary>
    [Input("enableConfigMapMutable", Json = true)]
    public Input<bool>? EnableConfigMapMutable { get; init; }

    /// <summary>Update Secrets in place instead of replacing them.</summary>
    [Input("enableSecretMutable", Json = true)]
    public Input<bool>? EnableSecretMutable { get; init; }

    /// <summary>When the cluster cannot be reached, remove its objects from state on refresh and destroy.</summary>
    [Input("deleteUnreachable", Json = true)]
    public Input<bool>? DeleteUnreachable { get; init; }

    /// <summary>When the cluster cannot be reached, skip updates of its objects.</summary>
    [Input("skipUpdateUnreachable", Json = true)]
    public Input<bool>? SkipUpdateUnreachable { get; init; }

    /// <summary>Suppress warnings about deprecated API versions.</summary>
    [Input("suppressDeprecationWarnings", Json = true)]
    public Input<bool>? SuppressDeprecationWarnings { get; init; }

    /// <summary>Suppress warnings about Helm hooks.</summary>
    [Input("suppressHelmHookWarnings", Json = true)]
    public Input<bool>? SuppressHelmHookWarnings { get; init; }

    /// <summary>Tuning of the provider's Kubernetes client.</summary>
    [Input("kubeClientSettings", Json = true)]
    public Input<KubeClientSettingsArgs>? KubeClientSettings { get; init; }

    /// <summary>Settings of Helm operations.</summary>
    [Input("helmReleaseSettings", Json = true)]
    public Input<HelmReleaseSettingsArgs>? HelmReleaseSettings { get; init; }
}
