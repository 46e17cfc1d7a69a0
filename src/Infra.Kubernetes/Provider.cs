using Infra.Kubernetes.Wire;

namespace Infra.Kubernetes;

/// <summary>
/// An explicit <c>kubernetes</c> provider (type <c>pulumi:providers:kubernetes</c>): which cluster, context
/// and namespace objects go to, and how they are applied. Pass it as <c>options.Provider</c>, or to a
/// component's <c>Providers</c>.
/// </summary>
public sealed class Provider : ProviderResource
{
    /// <summary>Registers the provider.</summary>
    /// <param name="name">The logical name.</param>
    /// <param name="args">The configuration; without it the provider uses its environment defaults.</param>
    /// <param name="options">The options.</param>
    /// <exception cref="ArgumentException">A known value is invalid; the message lists every problem.</exception>
    public Provider(string name, ProviderArgs? args = null, CustomResourceOptions? options = null)
        : base(KubernetesPackage.Name, name, Validate(name, args ?? new ProviderArgs()), options, KubernetesPackage.Version)
    {
    }

    private static ProviderArgs Validate(string name, ProviderArgs args)
    {
        var problems = new List<string>();
        if (KnownValues.TryGet(args.Namespace, out var ns, out var secret) && !KubernetesRules.IsDns1123Label(ns))
        {
            problems.Add($"{nameof(ProviderArgs)}.{nameof(ProviderArgs.Namespace)}: {KubernetesRules.Dns1123LabelRule} (was {(secret ? "[secret]" : $"'{ns}'")})");
        }

        if (KnownValues.TryGet(args.KubeConfig, out var kubeConfig, out _) && string.IsNullOrWhiteSpace(kubeConfig))
        {
            problems.Add($"{nameof(ProviderArgs)}.{nameof(ProviderArgs.KubeConfig)}: must be kubeconfig contents or a path, not empty (leave it unset for the default)");
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException(
                $"Invalid {Protocol.WireConstants.ProviderTypePrefix}{KubernetesPackage.Name} '{name}':{Environment.NewLine}  "
                + string.Join(Environment.NewLine + "  ", problems));
        }

        return args;
    }
}
