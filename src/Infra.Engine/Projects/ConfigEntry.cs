namespace Infra.Engine.Projects;

/// <summary>
/// One config value as <c>config get</c> or a config listing shows it. <see cref="Text"/> holds the
/// plaintext only when the caller asked for decryption; <see cref="ToString"/> never shows a secret.
/// </summary>
internal sealed class ConfigEntry
{
    /// <summary>The full key.</summary>
    public required ConfigKey Key { get; init; }

    /// <summary>The property path inside the value, when one was given (e.g. <c>db.port</c>).</summary>
    public string? Path { get; init; }

    /// <summary>The stored value (secure leaves still encrypted).</summary>
    public required ConfigValue Value { get; init; }

    /// <summary>True when the value is secure or holds a secure leaf.</summary>
    public bool IsSecret => Value.ContainsSecret;

    /// <summary>True for objects and arrays (then <see cref="Text"/> is JSON).</summary>
    public bool IsStructured => Value.IsStructured;

    /// <summary>
    /// The value as text (scalars as written, objects and arrays as compact JSON with secrets inlined),
    /// or null when the value is secret and was not decrypted.
    /// </summary>
    public string? Text { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{Path ?? Key.FullKey} = {(IsSecret ? ValidationProblem.SecretPlaceholder : Text)}";
}
