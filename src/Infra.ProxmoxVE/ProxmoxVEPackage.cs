namespace Infra.ProxmoxVE;

/// <summary>The provider package these resources belong to and the version they are written against.</summary>
public static class ProxmoxVEPackage
{
    /// <summary>The package name (the first segment of every type token).</summary>
    public const string Name = "proxmoxve";

    /// <summary>
    /// The pinned provider version (8.x: the v8 tokens such as <c>proxmoxve:index/vmLegacy:VmLegacy</c>).
    /// Sent with every registration unless <c>options.Version</c> is set.
    /// </summary>
    public const string Version = "8.0.0";
}
