namespace Infra.Engine.Providers.Kubernetes;

/// <summary>The control annotations of provider-schemas.md §1.4 (and the autoname marker of §1.3).</summary>
internal static class KubernetesAnnotations
{
    public const string Autonamed = "pulumi.com/autonamed";

    public const string SkipAwait = "pulumi.com/skipAwait";

    public const string TimeoutSeconds = "pulumi.com/timeoutSeconds";

    public const string PatchForce = "pulumi.com/patchForce";

    public const string PatchFieldManager = "pulumi.com/patchFieldManager";

    public const string DeletionPropagationPolicy = "pulumi.com/deletionPropagationPolicy";

    /// <summary>The label client-side apply adds.</summary>
    public const string ManagedByLabel = "app.kubernetes.io/managed-by";
}
