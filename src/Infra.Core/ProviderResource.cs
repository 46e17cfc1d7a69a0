namespace Infra;

/// <summary>
/// An explicit provider instance (type <c>pulumi:providers:&lt;package&gt;</c>) configured by its args.
/// Pass it as <see cref="ResourceOptions.Provider"/>, or in <see cref="ComponentResourceOptions.Providers"/>
/// so that every child of a component inherits it.
/// </summary>
public class ProviderResource : CustomResource
{
    /// <summary>Registers a provider resource.</summary>
    /// <param name="package">The provider package, e.g. <c>kubernetes</c>.</param>
    /// <param name="name">The unique logical name.</param>
    /// <param name="args">The provider configuration.</param>
    /// <param name="options">The options.</param>
    protected ProviderResource(string package, string name, ResourceArgs? args, CustomResourceOptions? options = null)
        : base(Protocol.WireConstants.ProviderTypePrefix + package, name, args, options)
    {
        Package = package;
    }

    /// <summary>Registers a provider resource of a typed provider package.</summary>
    /// <param name="package">The provider package, e.g. <c>kubernetes</c>.</param>
    /// <param name="name">The unique logical name.</param>
    /// <param name="args">The provider configuration.</param>
    /// <param name="options">The options.</param>
    /// <param name="packageVersion">The provider version the package targets (strict semver); sent unless <c>options.Version</c> is set.</param>
    protected ProviderResource(string package, string name, ResourceArgs? args, CustomResourceOptions? options, string packageVersion)
        : base(Protocol.WireConstants.ProviderTypePrefix + package, name, args, options, packageVersion)
    {
        Package = package;
    }

    /// <summary>The provider package this instance serves.</summary>
    public string Package { get; }
}
