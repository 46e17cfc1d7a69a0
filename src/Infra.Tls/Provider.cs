namespace Infra.Tls;

/// <summary>An explicit tls provider instance (<c>pulumi:providers:tls</c>).</summary>
public sealed class Provider : ProviderResource
{
    /// <summary>Registers a tls provider.</summary>
    /// <param name="name">The unique logical name.</param>
    /// <param name="args">The configuration.</param>
    /// <param name="options">The options.</param>
    public Provider(string name, ProviderArgs? args = null, CustomResourceOptions? options = null)
        : base(TlsPackage.Name, name, args ?? new ProviderArgs(), options, TlsPackage.Version)
    {
    }
}
