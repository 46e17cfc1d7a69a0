using System.Text.Json;

namespace Infra.Engine.State;

/// <summary>
/// The deployment's <c>secrets_providers</c> entry: the provider type (<c>passphrase</c>, <c>b64</c>,
/// <c>cloud</c>, <c>service</c>) and its opaque state, kept as raw JSON (passphrase: <c>{"salt":"v1:..."}</c>).
/// </summary>
internal sealed record SecretsProviderState
{
    public required string Type { get; init; }

    /// <summary>The provider's state object, or null when absent.</summary>
    public JsonElement? State { get; init; }

    /// <summary>The passphrase provider's state for an <c>encryptionsalt</c> string.</summary>
    public static SecretsProviderState Passphrase(string encryptionSalt)
    {
        ArgumentException.ThrowIfNullOrEmpty(encryptionSalt);
        using var document = JsonDocument.Parse(JsonSerializer.Serialize(new Dictionary<string, string> { ["salt"] = encryptionSalt }));
        return new SecretsProviderState { Type = "passphrase", State = document.RootElement.Clone() };
    }

    /// <summary>The passphrase salt held in <see cref="State"/>, or null.</summary>
    public string? PassphraseSalt =>
        State is { ValueKind: JsonValueKind.Object } state
        && state.TryGetProperty("salt", out var salt)
        && salt.ValueKind == JsonValueKind.String
            ? salt.GetString()
            : null;
}
