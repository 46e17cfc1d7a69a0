using System.Collections.Immutable;

namespace Infra.ProxmoxVE.VM;

/// <summary>
/// A full-featured QEMU virtual machine (proxmoxve 8.x <c>VmLegacy</c>, upstream
/// <c>proxmox_virtual_environment_vm</c>): created empty or cloned from a template, then configured,
/// its disks grown and started. The ID is the numeric VM id.
/// </summary>
/// <remarks>Known inputs are validated here; every broken rule is listed in one <see cref="ProxmoxVEValidationException"/>.</remarks>
public sealed class VirtualMachine : CustomResource
{
    /// <summary>The type token (8.x).</summary>
    public const string TypeToken = "proxmoxve:index/vmLegacy:VmLegacy";

    /// <summary>Registers the VM.</summary>
    /// <param name="name">The unique logical name.</param>
    /// <param name="args">The inputs.</param>
    /// <param name="options">The options.</param>
    /// <exception cref="ProxmoxVEValidationException">A known input breaks a rule.</exception>
    public VirtualMachine(string name, VirtualMachineArgs args, CustomResourceOptions? options = null)
        : base(TypeToken, name, Validated(name, args), options, ProxmoxVEPackage.Version)
    {
    }

    /// <summary>The VM id.</summary>
    [Output("vmId")]
    public Output<int> VmId { get; private set; } = null!;

    /// <summary>The node that hosts the VM.</summary>
    [Output("nodeName")]
    public Output<string> NodeName { get; private set; } = null!;

    /// <summary>The VM name.</summary>
    [Output("name")]
    public Output<string> Name { get; private set; } = null!;

    /// <summary>The tags (sorted).</summary>
    [Output("tags")]
    public Output<ImmutableArray<string>> Tags { get; private set; } = null!;

    /// <summary>The IPv4 addresses per network interface, reported by the guest agent.</summary>
    [Output("ipv4Addresses")]
    public Output<ImmutableArray<ImmutableArray<string>>> Ipv4Addresses { get; private set; } = null!;

    /// <summary>The IPv6 addresses per network interface, reported by the guest agent.</summary>
    [Output("ipv6Addresses")]
    public Output<ImmutableArray<ImmutableArray<string>>> Ipv6Addresses { get; private set; } = null!;

    /// <summary>The MAC addresses of the network devices.</summary>
    [Output("macAddresses")]
    public Output<ImmutableArray<string>> MacAddresses { get; private set; } = null!;

    /// <summary>The interface names reported by the guest agent.</summary>
    [Output("networkInterfaceNames")]
    public Output<ImmutableArray<string>> NetworkInterfaceNames { get; private set; } = null!;

    private static VirtualMachineArgs Validated(string name, VirtualMachineArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var problems = new ArgsProblems();
        args.Validate(problems, nameof(VirtualMachineArgs));
        problems.ThrowIfAny(TypeToken, name);
        return args;
    }
}
