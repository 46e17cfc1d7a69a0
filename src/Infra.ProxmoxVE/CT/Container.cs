using System.Collections.Immutable;

namespace Infra.ProxmoxVE.CT;

/// <summary>
/// An LXC container (proxmoxve 8.x <c>ContainerLegacy</c>, upstream <c>proxmox_virtual_environment_container</c>).
/// The ID is the numeric container id.
/// </summary>
public sealed class Container : CustomResource
{
    /// <summary>The type token (8.x).</summary>
    public const string TypeToken = "proxmoxve:index/containerLegacy:ContainerLegacy";

    /// <summary>Registers the container.</summary>
    /// <param name="name">The unique logical name.</param>
    /// <param name="args">The inputs.</param>
    /// <param name="options">The options.</param>
    /// <exception cref="ProxmoxVEValidationException">A known input breaks a rule.</exception>
    public Container(string name, ContainerArgs args, CustomResourceOptions? options = null)
        : base(TypeToken, name, Validated(name, args), options, ProxmoxVEPackage.Version)
    {
    }

    /// <summary>The container id.</summary>
    [Output("vmId")]
    public Output<int> VmId { get; private set; } = null!;

    /// <summary>The node that hosts the container.</summary>
    [Output("nodeName")]
    public Output<string> NodeName { get; private set; } = null!;

    /// <summary>The IPv4 addresses by interface name.</summary>
    [Output("ipv4")]
    public Output<ImmutableDictionary<string, string>> Ipv4 { get; private set; } = null!;

    /// <summary>The IPv6 addresses by interface name.</summary>
    [Output("ipv6")]
    public Output<ImmutableDictionary<string, string>> Ipv6 { get; private set; } = null!;

    private static ContainerArgs Validated(string name, ContainerArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var problems = new ArgsProblems();
        args.Validate(problems, nameof(ContainerArgs));
        problems.ThrowIfAny(TypeToken, name);
        return args;
    }
}
