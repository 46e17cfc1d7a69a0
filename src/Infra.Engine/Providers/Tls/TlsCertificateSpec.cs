using System.Collections.Immutable;
using System.Net;
using System.Net.Sockets;

namespace Infra.Engine.Providers.Tls;

/// <summary>The validated certificate inputs shared by self-signed and locally signed certificates and requests.</summary>
internal sealed record TlsCertificateSpec
{
    public TlsSubject? Subject { get; init; }

    public ImmutableArray<string> DnsNames { get; init; } = [];

    public ImmutableArray<IPAddress> IpAddresses { get; init; } = [];

    public ImmutableArray<Uri> Uris { get; init; } = [];

    public ImmutableArray<string> AllowedUses { get; init; } = [];

    public long ValidityPeriodHours { get; init; }

    public long EarlyRenewalHours { get; init; }

    public bool IsCaCertificate { get; init; }

    public long MaxPathLength { get; init; } = -1;

    public bool SetSubjectKeyId { get; init; }

    public bool SetAuthorityKeyId { get; init; }

    /// <summary>Reads and validates the subject and subject alternative names.</summary>
    public static TlsCertificateSpec ReadNames(TlsInputs inputs)
    {
        var subject = TlsSubject.Read(inputs, "subject");
        var dnsNames = inputs.StringList("dnsNames") ?? [];
        for (var i = 0; i < dnsNames.Length; i++)
        {
            if (dnsNames[i].Length == 0 || dnsNames[i].Any(c => c > 0x7E || c < 0x21))
            {
                inputs.Fail($"dnsNames[{i}]", $"must be a non-empty ASCII DNS name without spaces (was \"{dnsNames[i]}\")");
            }
        }

        var ips = ImmutableArray.CreateBuilder<IPAddress>();
        var ipTexts = inputs.StringList("ipAddresses") ?? [];
        for (var i = 0; i < ipTexts.Length; i++)
        {
            if (IPAddress.TryParse(ipTexts[i], out var ip) && IsCanonicalForm(ipTexts[i], ip))
            {
                ips.Add(ip);
            }
            else
            {
                inputs.Fail($"ipAddresses[{i}]", $"must be an IPv4 or IPv6 address (was \"{ipTexts[i]}\")");
            }
        }

        var uris = ImmutableArray.CreateBuilder<Uri>();
        var uriTexts = inputs.StringList("uris") ?? [];
        for (var i = 0; i < uriTexts.Length; i++)
        {
            if (Uri.TryCreate(uriTexts[i], UriKind.Absolute, out var uri))
            {
                uris.Add(uri);
            }
            else
            {
                inputs.Fail($"uris[{i}]", $"must be an absolute URI such as spiffe://lab/node (was \"{uriTexts[i]}\")");
            }
        }

        return new TlsCertificateSpec { Subject = subject, DnsNames = dnsNames, IpAddresses = ips.ToImmutable(), Uris = uris.ToImmutable() };
    }

    /// <summary>Reads and validates the certificate settings (validity, uses, CA flags) on top of <see cref="ReadNames"/>.</summary>
    public static TlsCertificateSpec ReadCertificate(TlsInputs inputs, bool withNames, bool withAuthorityKeyId)
    {
        var spec = withNames ? ReadNames(inputs) : new TlsCertificateSpec();
        var uses = inputs.StringList("allowedUses", required: true) ?? [];
        for (var i = 0; i < uses.Length; i++)
        {
            if (!TlsAllowedUses.IsKnown(uses[i]))
            {
                inputs.Fail($"allowedUses[{i}]", $"must be one of {string.Join(", ", TlsAllowedUses.All)} (was \"{uses[i]}\")");
            }
        }

        return spec with
        {
            AllowedUses = uses,
            ValidityPeriodHours = inputs.Integer("validityPeriodHours", minimum: 0, required: true, maximum: 24L * 365 * 1000) ?? 0,
            EarlyRenewalHours = inputs.Integer("earlyRenewalHours", minimum: 0, fallback: 0) ?? 0,
            IsCaCertificate = inputs.Bool("isCaCertificate", fallback: false) ?? false,
            MaxPathLength = inputs.Integer("maxPathLength", minimum: -1, fallback: -1, maximum: int.MaxValue) ?? -1,
            SetSubjectKeyId = inputs.Bool("setSubjectKeyId", fallback: false) ?? false,
            SetAuthorityKeyId = withAuthorityKeyId && (inputs.Bool("setAuthorityKeyId", fallback: false) ?? false),
        };
    }

    private static bool IsCanonicalForm(string text, IPAddress ip) =>
        ip.AddressFamily == AddressFamily.InterNetworkV6 || text.Count(c => c == '.') == 3;
}
