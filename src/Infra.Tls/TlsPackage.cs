namespace Infra.Tls;

/// <summary>Facts about the <c>tls</c> provider package this assembly targets.</summary>
public static class TlsPackage
{
    /// <summary>The package name (first segment of every type token).</summary>
    public const string Name = "tls";

    /// <summary>The provider version every registration and invoke pins unless the options set one (tls 5.x).</summary>
    public const string Version = "5.0.0";
}
