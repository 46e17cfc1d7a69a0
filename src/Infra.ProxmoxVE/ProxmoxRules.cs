using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace Infra.ProxmoxVE;

/// <summary>Formats and ranges the Proxmox VE API accepts, shared by the args validators.</summary>
internal static partial class ProxmoxRules
{
    public const string TokenShape = "must have the shape USER@REALM!TOKENID=UUID";

    public static bool IsApiToken(string value) => ApiTokenPattern().IsMatch(value);

    public static bool IsDiskInterface(string value) => DiskInterfacePattern().IsMatch(value);

    public static bool IsCloudInitInterface(string value) => CloudInitInterfacePattern().IsMatch(value);

    public static bool IsTag(string value) => TagPattern().IsMatch(value);

    public static bool IsMacAddress(string value) => MacPattern().IsMatch(value);

    public static bool IsFileId(string value) => FileIdPattern().IsMatch(value);

    public static bool IsDuration(string value) => DurationPattern().IsMatch(value);

    public static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    public static bool IsIpAddress(string value, bool v6) =>
        IPAddress.TryParse(value, out var address)
        && address.AddressFamily == (v6 ? System.Net.Sockets.AddressFamily.InterNetworkV6 : System.Net.Sockets.AddressFamily.InterNetwork);

    public static bool IsCidr(string value, bool v6)
    {
        var slash = value.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || !IsIpAddress(value[..slash], v6))
        {
            return false;
        }

        return int.TryParse(value[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var prefix)
            && prefix >= 0 && prefix <= (v6 ? 128 : 32);
    }

    public static bool IsIpv4Address(string value) => value == "dhcp" || IsCidr(value, v6: false);

    public static bool IsIpv6Address(string value) => value is "dhcp" or "auto" || IsCidr(value, v6: true);

    [GeneratedRegex(@"^[^\s@!=]+@[^\s@!=]+![^\s@!=]+=[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")]
    private static partial Regex ApiTokenPattern();

    [GeneratedRegex(@"^(scsi([0-9]|[12][0-9]|30)|sata[0-5]|virtio([0-9]|1[0-5])|ide[0-3])$")]
    private static partial Regex DiskInterfacePattern();

    [GeneratedRegex(@"^(scsi([0-9]|[12][0-9]|30)|sata[0-5]|ide[0-3])$")]
    private static partial Regex CloudInitInterfacePattern();

    [GeneratedRegex(@"^[A-Za-z0-9_][A-Za-z0-9_\-+.]*$")]
    private static partial Regex TagPattern();

    [GeneratedRegex(@"^[0-9A-Fa-f]{2}(:[0-9A-Fa-f]{2}){5}$")]
    private static partial Regex MacPattern();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9_.\-]*:[a-z]+/.+$")]
    private static partial Regex FileIdPattern();

    [GeneratedRegex(@"^([0-9]+(\.[0-9]+)?(ns|us|µs|ms|s|m|h))+$")]
    private static partial Regex DurationPattern();
}
