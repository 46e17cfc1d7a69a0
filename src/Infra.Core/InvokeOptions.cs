namespace Infra;

/// <summary>Options of a provider function call.</summary>
public sealed class InvokeOptions
{
    /// <summary>The resource whose provider the call inherits.</summary>
    public Resource? Parent { get; set; }

    /// <summary>An explicit provider.</summary>
    public ProviderResource? Provider { get; set; }

    /// <summary>The provider plugin version (strict semver).</summary>
    public string? Version { get; set; }

    /// <summary>Where to download the provider plugin from.</summary>
    public string? PluginDownloadUrl { get; set; }
}
