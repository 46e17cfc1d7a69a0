using System.Collections.Immutable;
using Infra.Protocol.Values;

namespace Infra.Engine.Providers.Command;

/// <summary>
/// Replaces every secret value of a resource's inputs (and its connection credentials) with <c>[secret]</c>
/// in text that leaves the provider: error messages, progress lines.
/// </summary>
internal sealed class SecretRedactor
{
    /// <summary>What a redacted value is replaced with.</summary>
    public const string Mask = "[secret]";

    private readonly ImmutableArray<string> _secrets;

    private SecretRedactor(IEnumerable<string> secrets)
    {
        // Longest first, so a secret that contains another is masked whole; long multi-line secrets
        // (private keys) are also masked line by line in case only part of them is echoed.
        var all = new HashSet<string>(StringComparer.Ordinal);
        foreach (var secret in secrets.Where(s => s.Length > 0))
        {
            all.Add(secret);
            if (secret.Contains('\n', StringComparison.Ordinal))
            {
                foreach (var line in secret.Split('\n').Select(l => l.Trim()).Where(l => l.Length >= 8))
                {
                    all.Add(line);
                }
            }
        }

        _secrets = [.. all.OrderByDescending(s => s.Length).ThenBy(s => s, StringComparer.Ordinal)];
    }

    /// <summary>A redactor that masks nothing.</summary>
    public static SecretRedactor None { get; } = new([]);

    /// <summary>
    /// Collects the secret strings of <paramref name="maps"/>: every string inside a secret envelope, except in
    /// <c>connection</c>, where host and user are not sensitive and only the credentials are collected.
    /// </summary>
    public static SecretRedactor From(params IReadOnlyDictionary<string, PropertyValue>?[] maps)
    {
        var secrets = new List<string>();
        foreach (var map in maps)
        {
            if (map is null)
            {
                continue;
            }

            foreach (var (key, value) in map)
            {
                if (key == "connection")
                {
                    if (CommandValues.Plain(value) is { Kind: PropertyValueKind.Object })
                    {
                        secrets.AddRange(ConnectionSpec.From(value).Secrets());
                    }

                    continue;
                }

                Collect(value, inSecret: false, secrets);
            }
        }

        return new SecretRedactor(secrets);
    }

    /// <summary>A redactor that also masks <paramref name="more"/>.</summary>
    public SecretRedactor With(IEnumerable<string> more) => new(_secrets.Concat(more));

    /// <summary>The text with every secret masked.</summary>
    public string Redact(string text)
    {
        foreach (var secret in _secrets)
        {
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }

        return text;
    }

    private static void Collect(PropertyValue value, bool inSecret, List<string> secrets)
    {
        switch (value.Kind)
        {
            case PropertyValueKind.Secret:
                Collect(value.SecretValue, inSecret: true, secrets);
                break;
            case PropertyValueKind.Output when value.OutputValue.Value is { } inner:
                Collect(inner, inSecret || value.OutputValue.IsSecret, secrets);
                break;
            case PropertyValueKind.String when inSecret:
                secrets.Add(value.StringValue);
                break;
            case PropertyValueKind.Array:
                foreach (var item in value.ArrayValue)
                {
                    Collect(item, inSecret, secrets);
                }

                break;
            case PropertyValueKind.Object:
                foreach (var item in value.ObjectValue.Values)
                {
                    Collect(item, inSecret, secrets);
                }

                break;
        }
    }
}
