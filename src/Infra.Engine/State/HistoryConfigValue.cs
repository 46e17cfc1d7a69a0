namespace Infra.Engine.State;

/// <summary>A config value as recorded in history: the raw text (ciphertext for a secret, never plaintext).</summary>
/// <param name="Value">The raw value; for <paramref name="Secure"/> values the <c>v1:</c> ciphertext.</param>
/// <param name="Secure">Whether the value is a secret (written as <c>{"secure": "..."}</c>).</param>
internal sealed record HistoryConfigValue(string Value, bool Secure = false)
{
    /// <summary>Shows the value only when it is not secret.</summary>
    public override string ToString() => Secure ? "[secret]" : Value;
}
