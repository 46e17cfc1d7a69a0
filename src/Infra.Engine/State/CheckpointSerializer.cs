using System.Collections.Immutable;
using System.IO.Compression;
using System.Text.Json;
using Infra.Engine.Secrets;

namespace Infra.Engine.State;

/// <summary>
/// The two envelopes around a deployment (pulumi-formats.md §4.1): the file backend's checkpoint
/// <c>{"version":3,"checkpoint":{"stack":…,"latest":…}}</c> (compact, one line, no trailing newline) and the
/// export shape <c>{"version":3,"deployment":…}</c> (indented with 4 spaces). Writes version 3; reads
/// versions 0–4 (version 4 only with features this engine supports), indented or compact, plain or
/// gzip (detected from the content). Every snapshot is integrity-checked before writing and after reading.
/// </summary>
internal static class CheckpointSerializer
{
    /// <summary>The checkpoint and deployment version this engine writes.</summary>
    public const int CurrentVersion = 3;

    /// <summary>The highest version this engine reads.</summary>
    public const int MaxVersion = 4;

    /// <summary>Version-4 features this engine understands (none yet: it writes none of their fields).</summary>
    public static readonly ImmutableHashSet<string> SupportedFeatures = ImmutableHashSet<string>.Empty;

    internal static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 1024 };

    /// <summary>Writes the file-backend checkpoint for <paramref name="stackName"/> (e.g. <c>organization/p/dev</c>).</summary>
    /// <exception cref="StateIntegrityException">The snapshot breaks an integrity rule; nothing is written.</exception>
    public static void WriteCheckpoint(Stream stream, string stackName, StackSnapshot? snapshot, ISecretsCrypter? crypter) =>
        WriteCheckpoint(stream, stackName, snapshot, crypter, alreadyChecked: false);

    /// <summary>
    /// <see cref="WriteCheckpoint(Stream, string, StackSnapshot?, ISecretsCrypter?)"/> for a caller that has just run
    /// <see cref="StateIntegrity.ThrowIfInvalid"/> on this very snapshot (<paramref name="alreadyChecked"/>), so
    /// a save checks once, not twice.
    /// </summary>
    internal static void WriteCheckpoint(Stream stream, string stackName, StackSnapshot? snapshot, ISecretsCrypter? crypter, bool alreadyChecked)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentException.ThrowIfNullOrEmpty(stackName);
        if (snapshot is not null && !alreadyChecked)
        {
            StateIntegrity.ThrowIfInvalid(snapshot, $"the state of stack '{stackName}'");
        }

        using var writer = new StateJsonWriter(stream);
        writer.WriteStartObject();
        writer.WriteNumber("version", (long)CurrentVersion);
        writer.WritePropertyName("checkpoint");
        writer.WriteStartObject();
        writer.WriteString("stack", stackName);
        if (snapshot is not null)
        {
            writer.WritePropertyName("latest");
            DeploymentJson.WriteDeployment(writer, snapshot, new StatePropertyCodec(crypter));
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.Flush();
    }

    /// <summary>The checkpoint bytes (see <see cref="WriteCheckpoint"/>).</summary>
    public static byte[] SerializeCheckpoint(string stackName, StackSnapshot? snapshot, ISecretsCrypter? crypter)
    {
        using var stream = new MemoryStream();
        WriteCheckpoint(stream, stackName, snapshot, crypter);
        return stream.ToArray();
    }

    /// <summary>
    /// The <c>stack export</c> text: <c>{"version":3,"deployment":…}</c>, indented with 4 spaces, with a trailing
    /// newline. Secrets are encrypted with <paramref name="crypter"/>, or written as <c>plaintext</c> when
    /// <paramref name="showSecrets"/> is true.
    /// </summary>
    public static string SerializeDeployment(StackSnapshot snapshot, ISecretsCrypter? crypter, bool showSecrets)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        StateIntegrity.ThrowIfInvalid(snapshot, "the exported deployment");
        using var writer = new StateJsonWriter(indentSize: 4);
        writer.WriteStartObject();
        writer.WriteNumber("version", (long)CurrentVersion);
        writer.WritePropertyName("deployment");
        DeploymentJson.WriteDeployment(writer, snapshot, new StatePropertyCodec(crypter, showSecrets));
        writer.WriteEndObject();
        writer.WriteNewLine();
        return writer.ToUtf8String();
    }

    /// <summary>Reads a checkpoint file's bytes (plain or gzip; versions 0–4) and checks its integrity.</summary>
    /// <param name="data">The file content.</param>
    /// <param name="crypter">Decrypts secrets; null when the stack has no secrets manager.</param>
    /// <param name="source">Names the file in error messages.</param>
    public static CheckpointFile ReadCheckpoint(byte[] data, ISecretsCrypter? crypter, string source)
    {
        ArgumentNullException.ThrowIfNull(data);
        using var document = Parse(Decompress(data, source), source);
        var root = document.RootElement;
        var version = ReadVersion(root, source);
        JsonElement checkpoint;
        if (version == 0)
        {
            // Version 0: the whole file is a version-1 checkpoint.
            checkpoint = root;
        }
        else if (!root.TryGetProperty("checkpoint", out checkpoint) || checkpoint.ValueKind != JsonValueKind.Object)
        {
            throw new StateFormatException($"{source}: a version {version} checkpoint must have a 'checkpoint' object.");
        }

        var stack = checkpoint.TryGetProperty("stack", out var stackElement) && stackElement.ValueKind == JsonValueKind.String
            ? stackElement.GetString()!
            : string.Empty;
        StackSnapshot? latest = null;
        if (checkpoint.TryGetProperty("latest", out var latestElement) && latestElement.ValueKind != JsonValueKind.Null)
        {
            latest = DeploymentJson.ReadDeployment(latestElement, new StatePropertyCodec(crypter), "latest");
            StateIntegrity.ThrowIfInvalid(latest, source);
        }

        return new CheckpointFile(version, stack, latest);
    }

    /// <summary>Reads the <c>stack export</c>/<c>stack import</c> shape (<c>{"version":N,"deployment":…}</c>) and checks its integrity.</summary>
    public static StackSnapshot ReadDeployment(byte[] data, ISecretsCrypter? crypter, string source)
    {
        ArgumentNullException.ThrowIfNull(data);
        using var document = Parse(Decompress(data, source), source);
        var root = document.RootElement;
        var version = ReadVersion(root, source);
        if (version == 0 || !root.TryGetProperty("deployment", out var deployment) || deployment.ValueKind != JsonValueKind.Object)
        {
            throw new StateFormatException($"{source}: expected an exported deployment of the form {{\"version\":3,\"deployment\":{{...}}}}.");
        }

        var snapshot = DeploymentJson.ReadDeployment(deployment, new StatePropertyCodec(crypter), "deployment");
        StateIntegrity.ThrowIfInvalid(snapshot, source);
        return snapshot;
    }

    /// <summary>
    /// Re-emits a stored checkpoint's deployment in the export shape without decrypting anything
    /// (ciphertexts are copied as they are), as <c>stack export</c> does without <c>--show-secrets</c>.
    /// Checkpoints older than version 3 are converted through the model, which needs <paramref name="crypter"/> only if they hold secrets.
    /// </summary>
    public static string ExportStored(byte[] data, ISecretsCrypter? crypter, string source)
    {
        using var document = Parse(Decompress(data, source), source);
        var root = document.RootElement;
        var version = ReadVersion(root, source);
        if (version < CurrentVersion)
        {
            var checkpoint = ReadCheckpoint(data, crypter, source);
            var snapshot = checkpoint.Latest ?? throw new StateStoreException($"{source}: the stack has no deployment to export.");
            return SerializeDeployment(snapshot, crypter, showSecrets: false);
        }

        if (!root.TryGetProperty("checkpoint", out var checkpointElement)
            || !checkpointElement.TryGetProperty("latest", out var latest)
            || latest.ValueKind != JsonValueKind.Object)
        {
            throw new StateStoreException($"{source}: the stack has no deployment to export.");
        }

        using var writer = new StateJsonWriter(indentSize: 4);
        writer.WriteStartObject();
        writer.WriteNumber("version", (long)version);
        if (root.TryGetProperty("features", out var features))
        {
            writer.WritePropertyName("features");
            writer.WriteElement(features);
        }

        writer.WritePropertyName("deployment");
        writer.WriteElement(latest);
        writer.WriteEndObject();
        writer.WriteNewLine();
        return writer.ToUtf8String();
    }

    /// <summary>The stored deployment's <c>secrets_providers</c>, read without decrypting anything (null when absent).</summary>
    public static SecretsProviderState? ReadSecretsProvider(byte[] data, string source)
    {
        using var document = Parse(Decompress(data, source), source);
        var root = document.RootElement;
        var checkpoint = root;
        if (ReadVersion(root, source) != 0 && !root.TryGetProperty("checkpoint", out checkpoint))
        {
            return null;
        }

        if (checkpoint.ValueKind != JsonValueKind.Object
            || !checkpoint.TryGetProperty("latest", out var latest)
            || latest.ValueKind != JsonValueKind.Object
            || !latest.TryGetProperty("secrets_providers", out var secrets)
            || secrets.ValueKind != JsonValueKind.Object
            || !secrets.TryGetProperty("type", out var type)
            || type.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        return new SecretsProviderState
        {
            Type = type.GetString()!,
            State = secrets.TryGetProperty("state", out var state) && state.ValueKind != JsonValueKind.Null ? state.Clone() : null,
        };
    }

    /// <summary>Returns the content, gunzipped when it starts with the gzip magic bytes.</summary>
    public static byte[] Decompress(byte[] data, string source)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Length >= 2 && data[0] == 0x1f && data[1] == 0x8b)
        {
            try
            {
                using var input = new GZipStream(new MemoryStream(data), CompressionMode.Decompress);
                using var output = new MemoryStream();
                input.CopyTo(output);
                return output.ToArray();
            }
            catch (InvalidDataException exception)
            {
                throw new StateFormatException($"{source}: the gzip-compressed state is corrupt: {exception.Message}", exception);
            }
        }

        if (data.Length >= 4 && data[0] == 0x28 && data[1] == 0xb5 && data[2] == 0x2f && data[3] == 0xfd)
        {
            throw new StateFormatException(
                $"{source}: the state is zstd-compressed, which this engine cannot read; rewrite it uncompressed or with gzip (PULUMI_DIY_BACKEND_GZIP).");
        }

        return data;
    }

    private static JsonDocument Parse(byte[] data, string source)
    {
        try
        {
            return JsonDocument.Parse(data, DocumentOptions);
        }
        catch (JsonException exception)
        {
            throw new StateFormatException($"{source}: the state is not valid JSON: {exception.Message}", exception);
        }
    }

    private static int ReadVersion(JsonElement root, string source)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new StateFormatException($"{source}: the state must be a JSON object (was {root.ValueKind}).");
        }

        if (!root.TryGetProperty("version", out var versionElement) || versionElement.ValueKind == JsonValueKind.Null)
        {
            return 0;
        }

        if (versionElement.ValueKind != JsonValueKind.Number || !versionElement.TryGetInt32(out var version) || version < 0)
        {
            throw new StateFormatException($"{source}: 'version' must be a non-negative integer (was {versionElement.GetRawText()}).");
        }

        if (version > MaxVersion)
        {
            throw new StateFormatException(
                $"{source}: the state has version {version}, which is newer than this engine understands (it reads versions 0 to {MaxVersion}); upgrade the engine.");
        }

        if (version == MaxVersion)
        {
            var features = new List<string>();
            if (root.TryGetProperty("features", out var featuresElement) && featuresElement.ValueKind == JsonValueKind.Array)
            {
                foreach (var feature in featuresElement.EnumerateArray())
                {
                    features.Add(feature.ValueKind == JsonValueKind.String ? feature.GetString()! : feature.GetRawText());
                }
            }

            var unsupported = features.Where(f => !SupportedFeatures.Contains(f)).Order(StringComparer.Ordinal).ToList();
            if (unsupported.Count > 0)
            {
                throw new StateFormatException(
                    $"{source}: this stack's deployment needs support for the following features: {string.Join(", ", unsupported)}, which this engine does not support.");
            }
        }

        return version;
    }
}
