namespace Infra.Tls;

/// <summary>Wraps inputs the provider schema marks secret, so they leave the program as secrets.</summary>
internal static class SecretInput
{
    /// <summary>Returns <paramref name="value"/> marked secret (null stays null).</summary>
    public static Input<T>? Wrap<T>(Input<T>? value) => value is null ? null : Output.CreateSecret(value.ToOutput());
}
