namespace Infra.Kubernetes;

/// <summary>Settings of Helm operations (<c>helmReleaseSettings</c>).</summary>
public sealed class HelmReleaseSettingsArgs : ResourceArgs
{
    /// <summary>The Helm storage driver: <c>secret</c>, <c>configmap</c> or <c>memory</c>.</summary>
    [Input("driver")]
    public Input<string>? Driver { get; init; }

    /// <summary>The path of the Helm plugins directory.</summary>
    [Input("pluginsPath")]
    public Input<string>? PluginsPath { get; init; }

    /// <summary>The path of the registry config file.</summary>
    [Input("registryConfigPath")]
    public Input<string>? RegistryConfigPath { get; init; }

    /// <summary>The path of the repository cache directory.</summary>
    [Input("repositoryCache")]
    public Input<string>? RepositoryCache { get; init; }

    /// <summary>The path of the repositories file.</summary>
    [Input("repositoryConfigPath")]
    public Input<string>? RepositoryConfigPath { get; init; }
}
