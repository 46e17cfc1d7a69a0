using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using YamlDotNet.Serialization;

namespace Infra.Engine.Providers.Kubernetes;

/// <summary>
/// Render mode (<c>renderYamlToDirectory</c>): one YAML file per object, at
/// <c>0-crd/</c> (CustomResourceDefinitions) or <c>1-manifest/</c> (everything else) +
/// <c>&lt;apiVersion, '/' as '_'&gt;-&lt;kind, lowercase&gt;-&lt;namespace or default&gt;-&lt;name&gt;.yaml</c>, as the real provider
/// names them. Output is deterministic: apiVersion, kind and metadata first, every other key in ordinal order,
/// LF line endings, strings quoted wherever YAML 1.1 or 1.2 would read them as something else.
/// </summary>
internal static class KubernetesManifestWriter
{
    private static readonly ISerializer Serializer = new SerializerBuilder()
        .WithQuotingNecessaryStrings(true)
        .WithIndentedSequences()
        .WithNewLine("\n")
        .Build();

    private static readonly string[] LeadingKeys = ["apiVersion", "kind", "metadata"];

    /// <summary>The file of an object relative to the render directory.</summary>
    public static string RelativePath(KubernetesTypeToken type, string? ns, string name)
    {
        static string Sanitise(string text) => text.Replace('/', '_').Replace(':', '_');
        var folder = KubernetesKinds.IsCustomResourceDefinition(type.Group, type.Kind) ? "0-crd" : "1-manifest";
        var file = $"{Sanitise(type.ApiVersion)}-{type.Kind.ToLowerInvariant()}-{Sanitise(string.IsNullOrEmpty(ns) ? "default" : ns)}-{Sanitise(name)}.yaml";
        return folder + "/" + file;
    }

    /// <summary>
    /// The YAML text of <paramref name="manifest"/>. For a Secret with <paramref name="redactSecretData"/>,
    /// <c>data</c> and <c>stringData</c> are left out and a comment names the omitted keys (not their values).
    /// </summary>
    public static string Render(JsonObject manifest, bool redactSecretData)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var builder = new StringBuilder();
        var omitted = new SortedSet<string>(StringComparer.Ordinal);
        var isSecret = KubernetesJson.GetString(manifest, "kind") == "Secret" && KubernetesJson.GetString(manifest, "apiVersion") == "v1";
        var root = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var key in LeadingKeys.Where(manifest.ContainsKey).Concat(manifest.Select(p => p.Key).Where(k => !LeadingKeys.Contains(k)).Order(StringComparer.Ordinal)))
        {
            if (redactSecretData && isSecret && key is "data" or "stringData")
            {
                if (manifest[key] is JsonObject values)
                {
                    omitted.UnionWith(values.Select(p => p.Key));
                }

                continue;
            }

            root[key] = ToPlain(manifest[key]);
        }

        if (redactSecretData && isSecret)
        {
            builder.Append("# Secret values are not rendered (set kubernetes:renderSecrets to true to write them in plaintext).\n");
            if (omitted.Count > 0)
            {
                builder.Append("# Omitted keys: ").Append(string.Join(", ", omitted)).Append('\n');
            }
        }

        builder.Append(Serializer.Serialize(root));
        return builder.ToString();
    }

    /// <summary>Writes a file atomically (temporary file, then rename), creating its folder.</summary>
    public static async Task WriteAsync(string directory, string relativePath, string text, CancellationToken cancellationToken = default)
    {
        var path = Path.Combine(directory, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var bytes = Encoding.UTF8.GetBytes(text);
        if (File.Exists(path) && (await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false)).AsSpan().SequenceEqual(bytes))
        {
            return;
        }

        var temporary = path + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp";
        await File.WriteAllBytesAsync(temporary, bytes, cancellationToken).ConfigureAwait(false);
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Removes a rendered file (a missing file is fine).</summary>
    public static void Delete(string directory, string relativePath)
    {
        var path = Path.Combine(directory, relativePath);
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }

    private static object? ToPlain(JsonNode? node) => node switch
    {
        null => null,
        JsonObject obj => obj.OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary(p => p.Key, p => ToPlain(p.Value), StringComparer.Ordinal),
        JsonArray array => array.Select(ToPlain).ToList(),
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number when value.TryGetValue<long>(out var integer) => integer,
            JsonValueKind.Number => double.Parse(value.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture),
            _ => null,
        },
        _ => null,
    };
}
