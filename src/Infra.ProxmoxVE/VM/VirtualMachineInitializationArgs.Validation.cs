namespace Infra.ProxmoxVE.VM;

public sealed partial class VirtualMachineInitializationArgs
{
    internal void Validate(ArgsProblems problems, string path)
    {
        problems.CheckRule($"{path}.{nameof(Interface)}", Interface, ProxmoxRules.IsCloudInitInterface, "must be ide0-3, sata0-5 or scsi0-30");
        problems.CheckOneOf($"{path}.{nameof(Type)}", Type, "nocloud", "configdrive2");
        foreach (var (name, fileId) in new[]
        {
            (nameof(UserDataFileId), UserDataFileId), (nameof(VendorDataFileId), VendorDataFileId),
            (nameof(NetworkDataFileId), NetworkDataFileId), (nameof(MetaDataFileId), MetaDataFileId),
        })
        {
            problems.CheckRule($"{path}.{name}", fileId, ProxmoxRules.IsFileId, "must have the shape <datastore>:snippets/<file>");
        }

        if (UserAccount is not null && UserDataFileId is not null)
        {
            problems.Add($"{path}.{nameof(UserAccount)}", "conflicts with UserDataFileId (set one of them)", "set");
        }

        var configs = ArgsProblems.Items(IpConfigs);
        for (var i = 0; i < configs.Length; i++)
        {
            var at = $"{path}.{nameof(IpConfigs)}[{i}]";
            if (configs[i].Ipv4 is { } v4)
            {
                problems.CheckRule($"{at}.Ipv4.Address", v4.Address, ProxmoxRules.IsIpv4Address, "must be an IPv4 CIDR such as 10.0.0.5/24, or dhcp");
                problems.CheckRule($"{at}.Ipv4.Gateway", v4.Gateway, v => ProxmoxRules.IsIpAddress(v, v6: false), "must be an IPv4 address");
            }

            if (configs[i].Ipv6 is { } v6)
            {
                problems.CheckRule($"{at}.Ipv6.Address", v6.Address, ProxmoxRules.IsIpv6Address, "must be an IPv6 CIDR, dhcp or auto");
                problems.CheckRule($"{at}.Ipv6.Gateway", v6.Gateway, v => ProxmoxRules.IsIpAddress(v, v6: true), "must be an IPv6 address");
            }
        }

        if (Dns is { } dns)
        {
            var servers = ArgsProblems.Items(dns.Servers);
            for (var i = 0; i < servers.Length; i++)
            {
                if (!ProxmoxRules.IsIpAddress(servers[i], v6: false) && !ProxmoxRules.IsIpAddress(servers[i], v6: true))
                {
                    problems.Add($"{path}.{nameof(Dns)}.Servers[{i}]", "must be an IP address", servers[i]);
                }
            }
        }
    }
}
