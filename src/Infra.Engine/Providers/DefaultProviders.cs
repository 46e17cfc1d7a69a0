using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using Infra.Engine.Planning;
using Infra.Protocol;
using Infra.Protocol.Values;

namespace Infra.Engine.Providers;

/// <summary>
/// Default providers (pulumi-protocol.md §7.2): one provider resource per package and version, named
/// <c>default</c> or <c>default_&lt;major&gt;_&lt;minor&gt;_&lt;patch&gt;</c>, configured from the stack config under
/// <c>&lt;pkg&gt;:</c>. The protocol server plans and applies its goal once per (package, version) before the
/// first resource that needs it, then passes the resulting reference to the planner.
/// </summary>
internal static class DefaultProviders
{
    /// <summary>The provider input that carries the requested version.</summary>
    public const string VersionKey = "version";

    /// <summary>The logical name of the default provider for <paramref name="version"/>.</summary>
    public static string Name(string? version)
    {
        if (string.IsNullOrEmpty(version))
        {
            return "default";
        }

        var builder = new StringBuilder("default_", 8 + version.Length);
        foreach (var c in version)
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) ? c : '_');
        }

        return builder.ToString();
    }

    /// <summary>The URN of the default provider of <paramref name="package"/>.</summary>
    public static string Urn(string stack, string project, string package, string? version) =>
        ResourceUrn.Create(stack, project, null, WireConstants.ProviderTypePrefix + package, Name(version));

    /// <summary>
    /// The provider inputs: every stack config value under <c>&lt;package&gt;:</c> with the prefix removed,
    /// plus <c>version</c> when known. Secret config values stay secret.
    /// </summary>
    public static ImmutableSortedDictionary<string, PropertyValue> Inputs(
        string package,
        string? version,
        IReadOnlyDictionary<string, PropertyValue> stackConfig)
    {
        ArgumentException.ThrowIfNullOrEmpty(package);
        ArgumentNullException.ThrowIfNull(stackConfig);
        var prefix = package + ":";
        var builder = ImmutableSortedDictionary.CreateBuilder<string, PropertyValue>(StringComparer.Ordinal);
        foreach (var (key, value) in stackConfig)
        {
            if (key.StartsWith(prefix, StringComparison.Ordinal) && key.Length > prefix.Length)
            {
                builder[key[prefix.Length..]] = value;
            }
        }

        if (!string.IsNullOrEmpty(version))
        {
            builder[VersionKey] = PropertyValue.Create(version);
        }

        return builder.ToImmutable();
    }

    /// <summary>The stack config key that lists packages (or <c>*</c>) whose default providers are disabled.</summary>
    public const string DisableKey = "pulumi:disable-default-providers";

    /// <summary>
    /// Whether config <c>pulumi:disable-default-providers</c> (a JSON array string, or an array value) names
    /// <paramref name="package"/> or <c>*</c>; registrations of that package then need an explicit provider.
    /// </summary>
    public static bool IsDisabled(string package, IReadOnlyDictionary<string, PropertyValue> stackConfig)
    {
        ArgumentNullException.ThrowIfNull(stackConfig);
        if (!stackConfig.TryGetValue(DisableKey, out var value))
        {
            return false;
        }

        IEnumerable<string> names = value.Kind switch
        {
            PropertyValueKind.Array => value.ArrayValue.Where(v => v.Kind == PropertyValueKind.String).Select(v => v.StringValue),
            PropertyValueKind.String => ParseList(value.StringValue),
            _ => [],
        };
        return names.Any(n => n == "*" || n == package);
    }

    /// <summary>The goal of the default provider resource, ready for <see cref="Planner.PlanAsync"/>.</summary>
    public static ResourceGoal Goal(string package, string? version, IReadOnlyDictionary<string, PropertyValue> stackConfig) => new()
    {
        Type = WireConstants.ProviderTypePrefix + package,
        Name = Name(version),
        Custom = true,
        Inputs = Inputs(package, version, stackConfig),
        Version = version,
    };

    private static string[] ParseList(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.ValueKind == JsonValueKind.Array
                ? [.. document.RootElement.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)]
                : [];
        }
        catch (JsonException)
        {
            return text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }
    }
}
