using System.Collections.Immutable;
using System.Text.Json;
using Infra.Engine.Secrets;
using Infra.Protocol;
using Infra.Protocol.Values;

namespace Infra.Engine.State;

/// <summary>
/// Maps <see cref="PropertyValue"/>s to the state JSON of pulumi-formats.md §4.4 and back. Object keys
/// are written in ordinal order and null object members are omitted (as Go's serializer does); a
/// secret is written as <c>{sig, ciphertext}</c> where the ciphertext encrypts the JSON text of the
/// inner value, or as <c>{sig, plaintext}</c> only when <c>showSecrets</c> is asked for.
/// Unknowns are written as the canonical sentinel; all seven sentinels are read back as unknowns.
/// </summary>
internal sealed class StatePropertyCodec
{
    internal const string MissingSecretsManagerMessage =
        "snapshot contains encrypted secrets but no secrets manager could be found";

    private const string ByteStringSignature = "803fd3297a5875dc03ca845dda5d2a98";
    private const string FloatSignature = "8ad145fe-0d11-4827-bfd7-1abcbf086f5c";

    private readonly ISecretsCrypter? _crypter;
    private readonly bool _showSecrets;

    /// <param name="crypter">Encrypts on write and decrypts on read; null when the stack has no secrets manager.</param>
    /// <param name="showSecrets">Write secrets as <c>plaintext</c> (export with <c>--show-secrets</c> only).</param>
    public StatePropertyCodec(ISecretsCrypter? crypter, bool showSecrets = false)
    {
        _crypter = crypter;
        _showSecrets = showSecrets;
    }

    /// <summary>The crypter secrets are encrypted with (null without a secrets manager).</summary>
    public ISecretsCrypter? Crypter => _crypter;

    /// <summary>Whether secrets are written as <c>plaintext</c>.</summary>
    public bool ShowSecrets => _showSecrets;

    public void WriteMap(StateJsonWriter writer, IReadOnlyDictionary<string, PropertyValue> map) =>
        WriteMap(writer, map, insideSecret: false);

    public void WriteValue(StateJsonWriter writer, PropertyValue value) => WriteValue(writer, value, insideSecret: false);

    public ImmutableSortedDictionary<string, PropertyValue> ReadMap(JsonElement element, string path) =>
        ReadMap(element, path, insideSecret: false);

    public PropertyValue ReadValue(JsonElement element, string path) => ReadValue(element, path, insideSecret: false);

    private static IEnumerable<KeyValuePair<string, PropertyValue>> Ordered(IReadOnlyDictionary<string, PropertyValue> map)
    {
        if (map is ImmutableSortedDictionary<string, PropertyValue> sorted && ReferenceEquals(sorted.KeyComparer, StringComparer.Ordinal))
        {
            return sorted;
        }

        return map.OrderBy(p => p.Key, StringComparer.Ordinal);
    }

    private static void WriteOptionalString(StateJsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    private static string? OptionalString(JsonElement element, string name, string path)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            throw new StateFormatException($"{path}.{name}: must be a string (was {value.ValueKind}).");
        }

        return value.GetString();
    }

    private void WriteMap(StateJsonWriter writer, IReadOnlyDictionary<string, PropertyValue> map, bool insideSecret)
    {
        writer.WriteStartObject();
        foreach (var (key, value) in Ordered(map))
        {
            if (value.IsNull)
            {
                continue;
            }

            writer.WritePropertyName(key);
            WriteValue(writer, value, insideSecret);
        }

        writer.WriteEndObject();
    }

    private void WriteValue(StateJsonWriter writer, PropertyValue value, bool insideSecret)
    {
        switch (value.Kind)
        {
            case PropertyValueKind.Null:
                writer.WriteNullValue();
                break;
            case PropertyValueKind.Bool:
                writer.WriteBooleanValue(value.BoolValue);
                break;
            case PropertyValueKind.Number:
                writer.WriteNumberValue(value.NumberValue);
                break;
            case PropertyValueKind.String:
                writer.WriteStringValue(value.StringValue);
                break;
            case PropertyValueKind.Unknown:
                writer.WriteStringValue(WireConstants.UnknownStringSentinel);
                break;
            case PropertyValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in value.ArrayValue)
                {
                    WriteValue(writer, item, insideSecret);
                }

                writer.WriteEndArray();
                break;
            case PropertyValueKind.Object:
                WriteMap(writer, value.ObjectValue, insideSecret);
                break;
            case PropertyValueKind.Secret:
                WriteSecret(writer, value, insideSecret);
                break;
            case PropertyValueKind.Asset:
                {
                    var asset = value.AssetValue;
                    writer.WriteStartObject();
                    writer.WriteString(WireConstants.SignatureKey, WireConstants.AssetSignature);
                    WriteOptionalString(writer, "hash", asset.Hash);
                    WriteOptionalString(writer, "path", asset.Path);
                    WriteOptionalString(writer, "text", asset.Text);
                    WriteOptionalString(writer, "uri", asset.Uri);
                    writer.WriteEndObject();
                    break;
                }

            case PropertyValueKind.Archive:
                {
                    var archive = value.ArchiveValue;
                    writer.WriteStartObject();
                    writer.WriteString(WireConstants.SignatureKey, WireConstants.ArchiveSignature);
                    if (archive.Assets is not null)
                    {
                        writer.WritePropertyName("assets");
                        WriteMap(writer, archive.Assets, insideSecret);
                    }

                    WriteOptionalString(writer, "hash", archive.Hash);
                    WriteOptionalString(writer, "path", archive.Path);
                    WriteOptionalString(writer, "uri", archive.Uri);
                    writer.WriteEndObject();
                    break;
                }

            case PropertyValueKind.ResourceReference:
                {
                    var reference = value.ResourceReferenceValue;
                    writer.WriteStartObject();
                    writer.WriteString(WireConstants.SignatureKey, WireConstants.ResourceReferenceSignature);
                    WriteOptionalString(writer, "id", reference.Id);
                    writer.WriteString("packageVersion", reference.PackageVersion ?? string.Empty);
                    writer.WriteString("urn", reference.Urn);
                    writer.WriteEndObject();
                    break;
                }

            case PropertyValueKind.Output:
                {
                    // State has no output values: an unknown output is the sentinel, a known one its value
                    // (kept secret when the output was secret). Dependencies live in propertyDependencies.
                    var output = value.OutputValue;
                    if (output.Value is null)
                    {
                        writer.WriteStringValue(WireConstants.UnknownStringSentinel);
                    }
                    else
                    {
                        WriteValue(writer, output.IsSecret ? PropertyValue.CreateSecret(output.Value) : output.Value, insideSecret);
                    }

                    break;
                }

            default:
                throw new ArgumentOutOfRangeException(nameof(value), value.Kind, "Unsupported property value kind.");
        }
    }

    private void WriteSecret(StateJsonWriter writer, PropertyValue secret, bool insideSecret)
    {
        writer.WriteStartObject();
        writer.WriteString(WireConstants.SignatureKey, WireConstants.SecretSignature);
        if (!_showSecrets && !insideSecret && _crypter is not null
            && SecretCiphertextCache.TryGet(_crypter, secret, out var cached))
        {
            writer.WriteString("ciphertext", cached!);
            writer.WriteEndObject();
            return;
        }

        // The payload is the JSON text of the inner value (Go's json.Marshal: compact, HTML-escaped).
        // Secrets nested inside it are not encrypted again (the outer ciphertext covers them).
        string payload;
        using (var inner = new StateJsonWriter(escapeHtml: true))
        {
            WriteValue(inner, secret.SecretValue, insideSecret: true);
            payload = inner.ToUtf8String();
        }

        if (_showSecrets)
        {
            writer.WriteString("plaintext", payload);
        }
        else if (insideSecret)
        {
            writer.WriteString("ciphertext", payload);
        }
        else
        {
            if (_crypter is null)
            {
                throw new InvalidOperationException(
                    "The state contains secret values but no secrets manager is configured for this stack; refusing to write them unencrypted.");
            }

            var ciphertext = _crypter.Encrypt(payload);
            SecretCiphertextCache.Remember(_crypter, secret, ciphertext);
            writer.WriteString("ciphertext", ciphertext);
        }

        writer.WriteEndObject();
    }

    private ImmutableSortedDictionary<string, PropertyValue> ReadMap(JsonElement element, string path, bool insideSecret)
    {
        if (element.ValueKind == JsonValueKind.Null)
        {
            return ImmutableSortedDictionary<string, PropertyValue>.Empty.WithComparers(StringComparer.Ordinal);
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new StateFormatException($"{path}: must be an object (was {element.ValueKind}).");
        }

        var builder = ImmutableSortedDictionary.CreateBuilder<string, PropertyValue>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            builder[property.Name] = ReadValue(property.Value, path + "." + property.Name, insideSecret);
        }

        return builder.ToImmutable();
    }

    private PropertyValue ReadValue(JsonElement element, string path, bool insideSecret)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Null:
                return PropertyValue.Null;
            case JsonValueKind.True:
                return PropertyValue.True;
            case JsonValueKind.False:
                return PropertyValue.False;
            case JsonValueKind.Number:
                return PropertyValue.Create(element.GetDouble());
            case JsonValueKind.String:
                {
                    var text = element.GetString()!;
                    return WireConstants.UnknownKindOf(text) is { } kind ? PropertyValue.CreateUnknown(kind) : PropertyValue.Create(text);
                }

            case JsonValueKind.Array:
                {
                    var items = ImmutableArray.CreateBuilder<PropertyValue>(element.GetArrayLength());
                    var index = 0;
                    foreach (var item in element.EnumerateArray())
                    {
                        items.Add(ReadValue(item, $"{path}[{index}]", insideSecret));
                        index++;
                    }

                    return PropertyValue.CreateArray(items.MoveToImmutable());
                }

            case JsonValueKind.Object:
                return element.TryGetProperty(WireConstants.SignatureKey, out var signature)
                    ? ReadSpecial(element, signature, path, insideSecret)
                    : PropertyValue.CreateObject(ReadMap(element, path, insideSecret));
            default:
                throw new StateFormatException($"{path}: unexpected JSON value kind {element.ValueKind}.");
        }
    }

    private PropertyValue ReadSpecial(JsonElement element, JsonElement signature, string path, bool insideSecret)
    {
        var sig = signature.ValueKind == JsonValueKind.String ? signature.GetString() : signature.ToString();
        switch (sig)
        {
            case WireConstants.SecretSignature:
                return ReadSecret(element, path, insideSecret);
            case WireConstants.AssetSignature:
                return PropertyValue.CreateAsset(new AssetValue(
                    Text: OptionalString(element, "text", path),
                    Path: OptionalString(element, "path", path),
                    Uri: OptionalString(element, "uri", path),
                    Hash: OptionalString(element, "hash", path)));
            case WireConstants.ArchiveSignature:
                return PropertyValue.CreateArchive(new ArchiveValue(
                    Assets: element.TryGetProperty("assets", out var assets) && assets.ValueKind == JsonValueKind.Object
                        ? ReadMap(assets, path + ".assets", insideSecret)
                        : null,
                    Path: OptionalString(element, "path", path),
                    Uri: OptionalString(element, "uri", path),
                    Hash: OptionalString(element, "hash", path)));
            case WireConstants.ResourceReferenceSignature:
                {
                    var urn = OptionalString(element, "urn", path)
                        ?? throw new StateFormatException($"{path}: a resource reference must have a 'urn'.");
                    var packageVersion = OptionalString(element, "packageVersion", path);
                    return PropertyValue.CreateResourceReference(new ResourceReferenceValue(
                        urn,
                        OptionalString(element, "id", path),
                        string.IsNullOrEmpty(packageVersion) ? null : packageVersion));
                }

            case ByteStringSignature:
                throw new StateFormatException($"{path}: byte-string values (feature 'byteString') are not supported.");
            case FloatSignature:
                throw new StateFormatException($"{path}: non-finite numbers (NaN or infinity) are not supported.");
            default:
                throw new StateFormatException($"{path}: unrecognized signature '{sig}' in property map.");
        }
    }

    private PropertyValue ReadSecret(JsonElement element, string path, bool insideSecret)
    {
        var hasCiphertext = element.TryGetProperty("ciphertext", out var ciphertextElement);
        var hasPlaintext = element.TryGetProperty("plaintext", out var plaintextElement);
        if (hasCiphertext == hasPlaintext)
        {
            throw new StateFormatException(
                $"{path}: malformed secret value: exactly one of `ciphertext` or `plaintext` must be supplied.");
        }

        var source = hasCiphertext ? ciphertextElement : plaintextElement;
        if (source.ValueKind != JsonValueKind.String)
        {
            throw new StateFormatException($"{path}: a secret's {(hasCiphertext ? "ciphertext" : "plaintext")} must be a string.");
        }

        var text = source.GetString()!;
        string? ciphertext = null;
        if (hasCiphertext && !insideSecret)
        {
            if (_crypter is null)
            {
                throw new StateFormatException($"{path}: {MissingSecretsManagerMessage}.");
            }

            ciphertext = text;
            try
            {
                text = _crypter.Decrypt(ciphertext);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                throw new StateFormatException($"{path}: failed to decrypt secret: {exception.Message}", exception);
            }
        }

        PropertyValue inner;
        if (text.Length >= 2 && text[0] == '"' && text[^1] == '"' && text.AsSpan(1, text.Length - 2).IndexOfAny('"', '\\') < 0
            && !text.AsSpan(1, text.Length - 2).ContainsAnyInRange('\0', '\u001f'))
        {
            // Fast path for the common case, a plain string secret without escapes.
            var plain = text[1..^1];
            inner = WireConstants.UnknownKindOf(plain) is { } kind ? PropertyValue.CreateUnknown(kind) : PropertyValue.Create(plain);
        }
        else
        {
            inner = ParseSecretPayload(text, path);
        }

        var secret = PropertyValue.CreateSecret(inner);
        if (ciphertext is not null && !ReferenceEquals(secret, inner))
        {
            SecretCiphertextCache.Remember(_crypter!, secret, ciphertext);
        }

        return secret;
    }

    private PropertyValue ParseSecretPayload(string text, string path)
    {
        try
        {
            using var document = JsonDocument.Parse(text, CheckpointSerializer.DocumentOptions);
            return ReadValue(document.RootElement, path, insideSecret: true);
        }
        catch (JsonException)
        {
            // Neither the text nor the parser's message (which may quote it) is included: it is the secret.
            throw new StateFormatException($"{path}: a secret's payload is not valid JSON.");
        }
    }
}
