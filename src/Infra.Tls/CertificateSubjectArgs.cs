namespace Infra.Tls;

/// <summary>The distinguished name of a certificate or certificate request (the <c>subject</c> block).</summary>
public sealed class CertificateSubjectArgs : ResourceArgs
{
    /// <summary>CN.</summary>
    [Input("commonName")]
    public Input<string>? CommonName { get; init; }

    /// <summary>O.</summary>
    [Input("organization")]
    public Input<string>? Organization { get; init; }

    /// <summary>OU.</summary>
    [Input("organizationalUnit")]
    public Input<string>? OrganizationalUnit { get; init; }

    /// <summary>STREET (one attribute per entry).</summary>
    [Input("streetAddresses")]
    public InputList<string>? StreetAddresses { get; init; }

    /// <summary>L.</summary>
    [Input("locality")]
    public Input<string>? Locality { get; init; }

    /// <summary>ST.</summary>
    [Input("province")]
    public Input<string>? Province { get; init; }

    /// <summary>C (two letters).</summary>
    [Input("country")]
    public Input<string>? Country { get; init; }

    /// <summary>postalCode.</summary>
    [Input("postalCode")]
    public Input<string>? PostalCode { get; init; }

    /// <summary>SERIALNUMBER.</summary>
    [Input("serialNumber")]
    public Input<string>? SerialNumber { get; init; }

    /// <summary>emailAddress.</summary>
    [Input("emailAddress")]
    public Input<string>? EmailAddress { get; init; }
}
