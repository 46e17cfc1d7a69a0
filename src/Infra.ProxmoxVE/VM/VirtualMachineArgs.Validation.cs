namespace Infra.ProxmoxVE.VM;

public sealed partial class VirtualMachineArgs
{
    internal void Validate(ArgsProblems problems, string path)
    {
        problems.CheckNotEmpty($"{path}.{nameof(NodeName)}", NodeName);
        problems.CheckRange($"{path}.{nameof(VmId)}", VmId, 100, 999_999_999);
        var tags = ArgsProblems.Items(Tags);
        for (var i = 0; i < tags.Length; i++)
        {
            if (!ProxmoxRules.IsTag(tags[i]))
            {
                problems.Add($"{path}.{nameof(Tags)}[{i}]", "must start with a letter, digit or '_' and contain only letters, digits and _-+.", tags[i]);
            }
        }

        if (Clone is { } clone)
        {
            problems.CheckRange($"{path}.{nameof(Clone)}.{nameof(clone.VmId)}", clone.VmId, 100, 999_999_999);
            problems.CheckRange($"{path}.{nameof(Clone)}.{nameof(clone.Retries)}", clone.Retries, 0, 100);
        }

        if (Cpu is { } cpu)
        {
            problems.CheckMin($"{path}.{nameof(Cpu)}.{nameof(cpu.Cores)}", cpu.Cores, 1);
            problems.CheckMin($"{path}.{nameof(Cpu)}.{nameof(cpu.Sockets)}", cpu.Sockets, 1);
            problems.CheckMin($"{path}.{nameof(Cpu)}.{nameof(cpu.Hotplugged)}", cpu.Hotplugged, 0);
        }

        if (Memory is { } memory)
        {
            problems.CheckMin($"{path}.{nameof(Memory)}.{nameof(memory.Dedicated)}", memory.Dedicated, 16);
            problems.CheckMin($"{path}.{nameof(Memory)}.{nameof(memory.Floating)}", memory.Floating, 0);
            if (ArgsProblems.TryGet(memory.Dedicated, out var dedicated)
                && ArgsProblems.TryGet(memory.Floating, out var floating)
                && floating > dedicated)
            {
                problems.Add($"{path}.{nameof(Memory)}.{nameof(memory.Floating)}", $"must not exceed Memory.Dedicated ({dedicated} MB)", floating);
            }
        }

        ValidateDisks(problems, path);
        var devices = ArgsProblems.Items(NetworkDevices);
        for (var i = 0; i < devices.Length; i++)
        {
            var device = devices[i];
            var at = $"{path}.{nameof(NetworkDevices)}[{i}]";
            problems.CheckRange($"{at}.{nameof(device.VlanId)}", device.VlanId, 1, 4094);
            problems.CheckRange($"{at}.{nameof(device.Mtu)}", device.Mtu, 1, 65520);
            problems.CheckRange($"{at}.{nameof(device.Queues)}", device.Queues, 0, 64);
            problems.CheckOneOf($"{at}.{nameof(device.Model)}", device.Model, "virtio", "e1000", "e1000e", "rtl8139", "vmxnet3");
            problems.CheckRule($"{at}.{nameof(device.MacAddress)}", device.MacAddress, ProxmoxRules.IsMacAddress, "must be a MAC address such as BC:24:11:00:00:01");
            problems.CheckNotEmpty($"{at}.{nameof(device.Bridge)}", device.Bridge);
        }

        Initialization?.Validate(problems, $"{path}.{nameof(Initialization)}");
        if (Agent is { } agent)
        {
            problems.CheckRule($"{path}.{nameof(Agent)}.{nameof(agent.Timeout)}", agent.Timeout, ProxmoxRules.IsDuration, "must be a duration such as 15m, 90s or 1h30m");
            problems.CheckOneOf($"{path}.{nameof(Agent)}.{nameof(agent.Type)}", agent.Type, "virtio", "isa");
        }

        problems.CheckOneOf($"{path}.{nameof(Bios)}", Bios, "seabios", "ovmf");
        foreach (var (timeoutName, timeout) in new[]
        {
            (nameof(TimeoutClone), TimeoutClone), (nameof(TimeoutCreate), TimeoutCreate), (nameof(TimeoutMigrate), TimeoutMigrate),
            (nameof(TimeoutReboot), TimeoutReboot), (nameof(TimeoutShutdownVm), TimeoutShutdownVm),
            (nameof(TimeoutStartVm), TimeoutStartVm), (nameof(TimeoutStopVm), TimeoutStopVm),
        })
        {
            problems.CheckMin($"{path}.{timeoutName}", timeout, 1);
        }
    }

    private void ValidateDisks(ArgsProblems problems, string path)
    {
        var disks = ArgsProblems.Items(Disks);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < disks.Length; i++)
        {
            var disk = disks[i];
            var at = $"{path}.{nameof(Disks)}[{i}]";
            problems.CheckRule($"{at}.{nameof(disk.Interface)}", disk.Interface, ProxmoxRules.IsDiskInterface, "must be scsi0-30, sata0-5, virtio0-15 or ide0-3");
            if (ArgsProblems.TryGet(disk.Interface, out var iface) && !seen.Add(iface))
            {
                problems.Add($"{at}.{nameof(disk.Interface)}", "must be unique among the disks", iface);
            }

            problems.CheckMin($"{at}.{nameof(disk.Size)}", disk.Size, 1);
            problems.CheckRule($"{at}.{nameof(disk.FileId)}", disk.FileId, ProxmoxRules.IsFileId, "must have the shape <datastore>:<content type>/<file>");
            problems.CheckRule($"{at}.{nameof(disk.ImportFrom)}", disk.ImportFrom, ProxmoxRules.IsFileId, "must have the shape <datastore>:import/<file>");
            problems.CheckOneOf($"{at}.{nameof(disk.Discard)}", disk.Discard, "on", "ignore");
            problems.CheckOneOf($"{at}.{nameof(disk.FileFormat)}", disk.FileFormat, "raw", "qcow2", "vmdk");
        }
    }
}
