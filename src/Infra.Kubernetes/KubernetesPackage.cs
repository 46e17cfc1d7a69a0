namespace Infra.Kubernetes;

/// <summary>The provider package this assembly targets.</summary>
public static class KubernetesPackage
{
    /// <summary>The provider package name, as in <c>pulumi:providers:kubernetes</c>.</summary>
    public const string Name = "kubernetes";

    /// <summary>
    /// The provider version every resource of this package asks for unless <c>options.Version</c> is set.
    /// </summary>
    public const string Version = "4.18.0";
}
