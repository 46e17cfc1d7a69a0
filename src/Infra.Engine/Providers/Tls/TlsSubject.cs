using System.Collections.Immutable;
using System.Formats.Asn1;
using System.Security.Cryptography.X509Certificates;

namespace Infra.Engine.Providers.Tls;

/// <summary>The <c>subject</c> input of certificates and requests.</summary>
internal sealed record TlsSubject
{
    private const string StreetOid = "2.5.4.9";
    private const string PostalCodeOid = "2.5.4.17";
    private const string SerialNumberOid = "2.5.4.5";
    private const string CountryOid = "2.5.4.6";

    public string? CommonName { get; init; }

    public string? Organization { get; init; }

    public string? OrganizationalUnit { get; init; }

    public ImmutableArray<string> StreetAddresses { get; init; } = [];

    public string? Locality { get; init; }

    public string? Province { get; init; }

    public string? Country { get; init; }

    public string? PostalCode { get; init; }

    public string? SerialNumber { get; init; }

    public string? EmailAddress { get; init; }

    /// <summary>Whether no attribute is set (an empty distinguished name).</summary>
    public bool IsEmpty => string.IsNullOrEmpty(CommonName) && string.IsNullOrEmpty(Organization) && string.IsNullOrEmpty(OrganizationalUnit)
        && StreetAddresses.IsEmpty && string.IsNullOrEmpty(Locality) && string.IsNullOrEmpty(Province) && string.IsNullOrEmpty(Country)
        && string.IsNullOrEmpty(PostalCode) && string.IsNullOrEmpty(SerialNumber) && string.IsNullOrEmpty(EmailAddress);

    /// <summary>Reads the subject object; null when it is missing or unknown.</summary>
    public static TlsSubject? Read(TlsInputs inputs, string key)
    {
        var nested = inputs.Object(key);
        if (nested is null)
        {
            return null;
        }

        var subject = new TlsSubject
        {
            CommonName = nested.String("commonName"),
            Organization = nested.String("organization"),
            OrganizationalUnit = nested.String("organizationalUnit"),
            StreetAddresses = nested.StringList("streetAddresses") ?? [],
            Locality = nested.String("locality"),
            Province = nested.String("province"),
            Country = nested.String("country"),
            PostalCode = nested.String("postalCode"),
            SerialNumber = nested.String("serialNumber"),
            EmailAddress = nested.String("emailAddress"),
        };
        inputs.Absorb(key, nested);
        return subject;
    }

    /// <summary>
    /// The distinguished name, one attribute per RDN in the real provider's order: C, ST, L, STREET,
    /// postalCode, O, OU, CN, SERIALNUMBER, then emailAddress. Printable values are PrintableString, others UTF8String.
    /// </summary>
    public X500DistinguishedName ToDistinguishedName()
    {
        // The builder encodes the attribute added last first, so they are added most specific first.
        var builder = new X500DistinguishedNameBuilder();
        if (!string.IsNullOrEmpty(EmailAddress))
        {
            builder.AddEmailAddress(EmailAddress);
        }

        Add(builder, SerialNumberOid, SerialNumber);
        Add(builder, "2.5.4.3", CommonName);
        Add(builder, "2.5.4.11", OrganizationalUnit);
        Add(builder, "2.5.4.10", Organization);
        Add(builder, PostalCodeOid, PostalCode);
        for (var i = StreetAddresses.Length - 1; i >= 0; i--)
        {
            Add(builder, StreetOid, StreetAddresses[i]);
        }

        Add(builder, "2.5.4.7", Locality);
        Add(builder, "2.5.4.8", Province);
        Add(builder, CountryOid, Country);
        return builder.Build();
    }

    /// <summary>Whether <paramref name="name"/> has no attributes.</summary>
    public static bool IsEmptyName(X500DistinguishedName name) => name.RawData.Length <= 2;

    private static void Add(X500DistinguishedNameBuilder builder, string oid, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        builder.Add(oid, value, IsPrintable(value) ? UniversalTagNumber.PrintableString : UniversalTagNumber.UTF8String);
    }

    private static bool IsPrintable(string value) =>
        value.All(c => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9')
            or ' ' or '\'' or '(' or ')' or '+' or ',' or '-' or '.' or '/' or ':' or '=' or '?');
}
