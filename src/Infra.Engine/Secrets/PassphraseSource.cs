using System.Collections;

namespace Infra.Engine.Secrets;

/// <summary>
/// Finds the passphrase the way the Pulumi CLI does: <c>PULUMI_CONFIG_PASSPHRASE</c> when it is set
/// (even to an empty string), else the file named by a non-empty <c>PULUMI_CONFIG_PASSPHRASE_FILE</c>
/// (contents trimmed), else an interactive prompt supplied by the caller, else an error.
/// The environment is passed in, so callers and tests never touch the process environment.
/// </summary>
internal static class PassphraseSource
{
    /// <summary>Environment variable holding the passphrase itself.</summary>
    public const string PassphraseVariable = "PULUMI_CONFIG_PASSPHRASE";

    /// <summary>Environment variable holding the path of a file that contains the passphrase.</summary>
    public const string PassphraseFileVariable = "PULUMI_CONFIG_PASSPHRASE_FILE";

    /// <summary>The error when no passphrase is available and no prompt is possible (Pulumi's wording).</summary>
    public const string MissingPassphraseMessage =
        "passphrase must be set with PULUMI_CONFIG_PASSPHRASE or PULUMI_CONFIG_PASSPHRASE_FILE environment variables";

    /// <summary>First line of the interactive prompt (Pulumi's wording).</summary>
    public const string PromptMessage = "Enter your passphrase to unlock config/secrets";

    /// <summary>Second line of the interactive prompt (Pulumi's wording).</summary>
    public const string PromptHint = "(set PULUMI_CONFIG_PASSPHRASE or PULUMI_CONFIG_PASSPHRASE_FILE to remember)";

    /// <summary>
    /// Returns the passphrase from the environment, or <see langword="null"/> when neither variable
    /// provides one.
    /// </summary>
    /// <param name="environment">The environment variables to consult.</param>
    /// <param name="workingDirectory">Base for a relative passphrase file path; the current directory when null.</param>
    /// <exception cref="SecretsException">The passphrase file cannot be read.</exception>
    public static string? TryRead(IReadOnlyDictionary<string, string> environment, string? workingDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (environment.TryGetValue(PassphraseVariable, out var passphrase))
        {
            return passphrase ?? string.Empty;
        }

        if (environment.TryGetValue(PassphraseFileVariable, out var file) && !string.IsNullOrEmpty(file))
        {
            var path = Path.GetFullPath(file, workingDirectory ?? Directory.GetCurrentDirectory());
            try
            {
                return File.ReadAllText(path).Trim();
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                throw new SecretsException(
                    SecretsErrorKind.PassphraseUnavailable,
                    $"{PassphraseFileVariable}: unable to read the passphrase file '{path}' ({exception.GetType().Name})",
                    exception);
            }
        }

        return null;
    }

    /// <summary>
    /// Returns the passphrase from the environment, else from <paramref name="prompt"/> (the CLI passes a
    /// no-echo terminal prompt when it is interactive), else throws.
    /// </summary>
    /// <exception cref="SecretsException">
    /// <see cref="SecretsErrorKind.PassphraseUnavailable"/> when no source provides a passphrase.
    /// </exception>
    public static string Read(
        IReadOnlyDictionary<string, string> environment,
        Func<string>? prompt = null,
        string? workingDirectory = null)
    {
        var passphrase = TryRead(environment, workingDirectory);
        if (passphrase is not null)
        {
            return passphrase;
        }

        if (prompt is not null)
        {
            return prompt();
        }

        throw new SecretsException(SecretsErrorKind.PassphraseUnavailable, MissingPassphraseMessage);
    }

    /// <summary>A snapshot of the process environment, for production callers.</summary>
    public static IReadOnlyDictionary<string, string> ProcessEnvironment()
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            if (entry.Key is string name)
            {
                result[name] = entry.Value as string ?? string.Empty;
            }
        }

        return result;
    }
}
