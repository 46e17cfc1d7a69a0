namespace Infra;

/// <summary>Options of a component resource.</summary>
public sealed class ComponentResourceOptions : ResourceOptions
{
    private IList<ProviderResource>? _providers;

    /// <summary>Providers that children inherit, one per package.</summary>
    public IList<ProviderResource> Providers
    {
        get => _providers ??= [];
        set => _providers = value;
    }
}
