using Infra.Protocol.Values;

namespace Infra.Tls.Tests;

/// <summary>Property value shorthands for program-side assertions.</summary>
internal static class TlsTestValue
{
    public static PropertyValue Secret(string value) => PropertyValue.CreateSecret(PropertyValue.Create(value));
}
