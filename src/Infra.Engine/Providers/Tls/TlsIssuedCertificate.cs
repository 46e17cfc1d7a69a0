namespace Infra.Engine.Providers.Tls;

/// <summary>A certificate the provider issued: its PEM, decimal serial (the resource ID) and validity in RFC 3339.</summary>
internal sealed record TlsIssuedCertificate(string CertPem, string Serial, string ValidityStartTime, string ValidityEndTime);
