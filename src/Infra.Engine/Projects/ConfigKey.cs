using System.Diagnostics.CodeAnalysis;

namespace Infra.Engine.Projects;

/// <summary>
/// A configuration key <c>&lt;namespace&gt;:&lt;name&gt;</c>, e.g. <c>homelab:nodeCount</c> or
/// <c>kubernetes:context</c>. The legacy form <c>&lt;namespace&gt;:config:&lt;name&gt;</c> is normalised.
/// Keys compare ordinally.
/// </summary>
internal sealed record ConfigKey : IComparable<ConfigKey>
{
    /// <summary>The rule text shown for keys with the wrong shape (Pulumi's wording).</summary>
    public const string KeyShapeRule = "configuration keys should be of the form `<namespace>:<name>`";

    public ConfigKey(string @namespace, string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(@namespace);
        ArgumentException.ThrowIfNullOrEmpty(name);
        Namespace = @namespace;
        Name = name;
    }

    /// <summary>The namespace: the project name, a provider package, or <c>pulumi</c>.</summary>
    public string Namespace { get; }

    /// <summary>The name inside the namespace.</summary>
    public string Name { get; }

    /// <summary>The key as written in files and in <c>PULUMI_CONFIG</c>.</summary>
    public string FullKey => $"{Namespace}:{Name}";

    /// <summary>
    /// Parses a key. A key without a colon gets <paramref name="defaultNamespace"/> (the project
    /// name, as the CLI does); when that is null such a key is rejected, as in a stack file.
    /// </summary>
    /// <exception cref="FormatException">The key has the wrong shape.</exception>
    public static ConfigKey Parse(string key, string? defaultNamespace = null)
    {
        if (!TryParse(key, defaultNamespace, out var result, out var error))
        {
            throw new FormatException($"{error} (was '{key}')");
        }

        return result;
    }

    /// <summary>Parses a key, returning the broken rule instead of throwing.</summary>
    public static bool TryParse(
        string key,
        string? defaultNamespace,
        [NotNullWhen(true)] out ConfigKey? result,
        [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(key);
        result = null;
        if (key.Length == 0)
        {
            error = "configuration keys may not be empty";
            return false;
        }

        var parts = key.Split(':');
        switch (parts.Length)
        {
            case 1 when defaultNamespace is not null:
                result = new ConfigKey(defaultNamespace, key);
                error = null;
                return true;
            case 2 when parts[0].Length > 0 && parts[1].Length > 0:
                result = new ConfigKey(parts[0], parts[1]);
                error = null;
                return true;
            case 3 when parts[1] == "config" && parts[0].Length > 0 && parts[2].Length > 0:
                result = new ConfigKey(parts[0], parts[2]);
                error = null;
                return true;
            default:
                error = KeyShapeRule;
                return false;
        }
    }

    /// <summary>Ordinal comparison of <see cref="FullKey"/>.</summary>
    public int CompareTo(ConfigKey? other) =>
        other is null ? 1 : string.CompareOrdinal(FullKey, other.FullKey);

    /// <inheritdoc />
    public override string ToString() => FullKey;
}
