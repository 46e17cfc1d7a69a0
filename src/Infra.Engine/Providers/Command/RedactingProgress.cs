namespace Infra.Engine.Providers.Command;

/// <summary>Forwards progress lines with every secret masked (and an optional prefix).</summary>
internal sealed class RedactingProgress(IProgress<string> inner, SecretRedactor redactor, string prefix = "") : IProgress<string>
{
    /// <summary>Wraps <paramref name="inner"/>; null stays null.</summary>
    public static IProgress<string>? Wrap(IProgress<string>? inner, SecretRedactor redactor, string prefix = "") =>
        inner is null ? null : new RedactingProgress(inner, redactor, prefix);

    /// <inheritdoc/>
    public void Report(string value) => inner.Report(prefix + redactor.Redact(value));
}
