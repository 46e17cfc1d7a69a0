using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace Infra.Engine.Providers.ProxmoxVE;

/// <summary>Formats the Proxmox VE API accepts (the engine-side twin of the SDK's rules).</summary>
internal static partial class ProxmoxFormats
{
    public static bool IsDiskInterface(string value) => DiskInterface().IsMatch(value);

    public static bool IsCloudInitInterface(string value) => CloudInitInterface().IsMatch(value);

    public static bool IsTag(string value) => Tag().IsMatch(value);

    public static bool IsMac(string value) => Mac().IsMatch(value);

    public static bool IsFileId(string value) => FileId().IsMatch(value);

    public static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    public static bool IsIp(string value, bool v6) =>
        IPAddress.TryParse(value, out var address)
        && address.AddressFamily == (v6 ? System.Net.Sockets.AddressFamily.InterNetworkV6 : System.Net.Sockets.AddressFamily.InterNetwork);

    public static bool IsCidr(string value, bool v6)
    {
        var slash = value.IndexOf('/', StringComparison.Ordinal);
        return slash > 0
            && IsIp(value[..slash], v6)
            && int.TryParse(value[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var prefix)
            && prefix <= (v6 ? 128 : 32);
    }

    public static bool IsIpv4Config(string value) => value == "dhcp" || IsCidr(value, v6: false);

    public static bool IsIpv6Config(string value) => value is "dhcp" or "auto" || IsCidr(value, v6: true);

    /// <summary>The size in GB of a disk config such as <c>local-lvm:vm-100-disk-0,size=32G</c>.</summary>
    public static int? DiskSizeGb(string config)
    {
        var match = SizeOption().Match(config);
        if (!match.Success)
        {
            return null;
        }

        var number = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch
        {
            "T" => (int)(number * 1024),
            "M" => (int)Math.Ceiling(number / 1024),
            "K" => (int)Math.Ceiling(number / (1024 * 1024)),
            _ => (int)number,
        };
    }

    /// <summary>The MAC address of a network config such as <c>virtio=BC:24:11:00:00:01,bridge=vmbr0</c>.</summary>
    public static string? MacOf(string netConfig)
    {
        var first = netConfig.Split(',')[0];
        var eq = first.IndexOf('=', StringComparison.Ordinal);
        return eq > 0 ? first[(eq + 1)..] : OptionOf(netConfig, "hwaddr");
    }

    public static string? OptionOf(string config, string option) =>
        config.Split(',').Select(o => o.Split('=', 2)).FirstOrDefault(o => o[0] == option && o.Length == 2)?[1];

    [GeneratedRegex(@"^(scsi([0-9]|[12][0-9]|30)|sata[0-5]|virtio([0-9]|1[0-5])|ide[0-3])$")]
    private static partial Regex DiskInterface();

    [GeneratedRegex(@"^(scsi([0-9]|[12][0-9]|30)|sata[0-5]|ide[0-3])$")]
    private static partial Regex CloudInitInterface();

    [GeneratedRegex(@"^[A-Za-z0-9_][A-Za-z0-9_\-+.]*$")]
    private static partial Regex Tag();

    [GeneratedRegex(@"^[0-9A-Fa-f]{2}(:[0-9A-Fa-f]{2}){5}$")]
    private static partial Regex Mac();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9_.\-]*:[a-z]+/.+$")]
    private static partial Regex FileId();

    [GeneratedRegex(@"size=([0-9.]+)([KMGT])?")]
    private static partial Regex SizeOption();
}
