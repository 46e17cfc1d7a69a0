namespace Infra.Kubernetes;

/// <summary>Tuning of the provider's Kubernetes client (<c>kubeClientSettings</c>).</summary>
public sealed class KubeClientSettingsArgs : ResourceArgs
{
    /// <summary>The maximum burst of requests to the API server. The provider's default is 120.</summary>
    [Input("burst")]
    public Input<int>? Burst { get; init; }

    /// <summary>The maximum requests per second to the API server. The provider's default is 50.</summary>
    [Input("qps")]
    public Input<double>? Qps { get; init; }

    /// <summary>The timeout of one request to the API server, in seconds. The provider's default is 32.</summary>
    [Input("timeout")]
    public Input<int>? Timeout { get; init; }
}
