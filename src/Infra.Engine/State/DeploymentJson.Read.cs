using System.Collections.Immutable;
using System.Text.Json;
using Infra.Protocol.Values;

namespace Infra.Engine.State;

internal static partial class DeploymentJson
{
    public static StackSnapshot ReadDeployment(JsonElement element, StatePropertyCodec codec, string path)
    {
        RequireKind(element, JsonValueKind.Object, path);
        SnapshotManifest? manifest = null;
        SecretsProviderState? secrets = null;
        var resources = ImmutableArray<ResourceState>.Empty;
        var pending = ImmutableArray<PendingOperation>.Empty;
        var metadata = SnapshotMetadata.Empty;
        foreach (var property in element.EnumerateObject())
        {
            var value = property.Value;
            var at = path + "." + property.Name;
            switch (property.Name)
            {
                case "manifest":
                    manifest = ReadManifest(value, at);
                    break;
                case "secrets_providers":
                    if (value.ValueKind != JsonValueKind.Null)
                    {
                        RequireKind(value, JsonValueKind.Object, at);
                        secrets = new SecretsProviderState
                        {
                            Type = GetString(value, "type", at) ?? string.Empty,
                            State = value.TryGetProperty("state", out var state) && state.ValueKind != JsonValueKind.Null
                                ? state.Clone()
                                : null,
                        };
                    }

                    break;
                case "resources":
                    resources = ReadArray(value, at, (item, itemPath) => ReadResource(item, codec, itemPath));
                    break;
                case "pending_operations":
                    pending = ReadArray(value, at, (item, itemPath) => ReadPendingOperation(item, codec, itemPath));
                    break;
                case "metadata":
                    metadata = ReadMetadata(value, at);
                    break;
                default:
                    break;
            }
        }

        return new StackSnapshot
        {
            Manifest = manifest ?? throw new StateFormatException($"{path}: the deployment has no 'manifest'."),
            SecretsProvider = secrets,
            Resources = resources,
            PendingOperations = pending,
            Metadata = metadata,
        };
    }

    public static ResourceState ReadResource(JsonElement element, StatePropertyCodec codec, string path)
    {
        RequireKind(element, JsonValueKind.Object, path);
        string urn = string.Empty;
        string type = string.Empty;
        var custom = false;
        var delete = false;
        string? id = null;
        ImmutableSortedDictionary<string, PropertyValue>? inputs = null;
        ImmutableSortedDictionary<string, PropertyValue>? defaults = null;
        ImmutableSortedDictionary<string, PropertyValue>? outputs = null;
        string? parent = null;
        var protect = false;
        var external = false;
        var dependencies = ImmutableArray<string>.Empty;
        var initErrors = ImmutableArray<string>.Empty;
        string? provider = null;
        var propertyDependencies = ImmutableSortedDictionary<string, ImmutableArray<string>>.Empty.WithComparers(StringComparer.Ordinal);
        var pendingReplacement = false;
        var additionalSecretOutputs = ImmutableArray<string>.Empty;
        ResourceTimeouts? timeouts = null;
        string? importId = null;
        var retainOnDelete = false;
        string? deletedWith = null;
        var ignoreChanges = ImmutableArray<string>.Empty;
        var hideDiff = ImmutableArray<string>.Empty;
        var replaceOnChanges = ImmutableArray<string>.Empty;
        DateTimeOffset? created = null;
        DateTimeOffset? modified = null;
        string? sourcePosition = null;

        // First pass: the URN, so every later error can name the resource.
        if (element.TryGetProperty("urn", out var urnElement) && urnElement.ValueKind == JsonValueKind.String)
        {
            urn = urnElement.GetString()!;
            path = urn;
        }

        foreach (var property in element.EnumerateObject())
        {
            var value = property.Value;
            var at = path + "." + property.Name;
            switch (property.Name)
            {
                case "urn":
                    urn = ToString(value, at) ?? string.Empty;
                    break;
                case "custom":
                    custom = ToBool(value, at);
                    break;
                case "delete":
                    delete = ToBool(value, at);
                    break;
                case "id":
                    id = ToString(value, at);
                    break;
                case "type":
                    type = ToString(value, at) ?? string.Empty;
                    break;
                case "inputs":
                    inputs = codec.ReadMap(value, at);
                    break;
                case "defaults":
                    defaults = codec.ReadMap(value, at);
                    break;
                case "outputs":
                    outputs = codec.ReadMap(value, at);
                    break;
                case "parent":
                    parent = ToString(value, at);
                    break;
                case "protect":
                    protect = ToBool(value, at);
                    break;
                case "external":
                    external = ToBool(value, at);
                    break;
                case "dependencies":
                    dependencies = ToStrings(value, at);
                    break;
                case "initErrors":
                    initErrors = ToStrings(value, at);
                    break;
                case "provider":
                    provider = ToString(value, at);
                    break;
                case "propertyDependencies":
                    if (value.ValueKind != JsonValueKind.Null)
                    {
                        RequireKind(value, JsonValueKind.Object, at);
                        var builder = propertyDependencies.ToBuilder();
                        foreach (var entry in value.EnumerateObject())
                        {
                            builder[entry.Name] = ToStrings(entry.Value, at + "." + entry.Name);
                        }

                        propertyDependencies = builder.ToImmutable();
                    }

                    break;
                case "pendingReplacement":
                    pendingReplacement = ToBool(value, at);
                    break;
                case "additionalSecretOutputs":
                    additionalSecretOutputs = ToStrings(value, at);
                    break;
                case "customTimeouts":
                    timeouts = ReadTimeouts(value, at);
                    break;
                case "importID":
                    importId = ToString(value, at);
                    break;
                case "retainOnDelete":
                    retainOnDelete = ToBool(value, at);
                    break;
                case "deletedWith":
                    deletedWith = ToString(value, at);
                    break;
                case "ignoreChanges":
                    ignoreChanges = ToStrings(value, at);
                    break;
                case "hideDiff":
                    hideDiff = ToStrings(value, at);
                    break;
                case "replaceOnChanges":
                    replaceOnChanges = ToStrings(value, at);
                    break;
                case "created":
                    created = ToTime(value, at);
                    break;
                case "modified":
                    modified = ToTime(value, at);
                    break;
                case "sourcePosition":
                    sourcePosition = ToString(value, at);
                    break;
                default:
                    break;
            }
        }

        var empty = ImmutableSortedDictionary<string, PropertyValue>.Empty.WithComparers(StringComparer.Ordinal);
        inputs ??= empty;
        if (defaults is { Count: > 0 })
        {
            // Version 1 kept provider defaults apart; version 2 merged them into the inputs.
            var merged = inputs.ToBuilder();
            foreach (var (key, value) in defaults)
            {
                merged.TryAdd(key, value);
            }

            inputs = merged.ToImmutable();
        }

        return new ResourceState
        {
            Urn = urn,
            Type = type,
            Custom = custom,
            Delete = delete,
            Id = string.IsNullOrEmpty(id) ? null : id,
            Inputs = inputs,
            Outputs = outputs ?? empty,
            Parent = string.IsNullOrEmpty(parent) ? null : parent,
            Protect = protect,
            External = external,
            Dependencies = dependencies,
            InitErrors = initErrors,
            Provider = string.IsNullOrEmpty(provider) ? null : provider,
            PropertyDependencies = propertyDependencies,
            PendingReplacement = pendingReplacement,
            AdditionalSecretOutputs = additionalSecretOutputs,
            CustomTimeouts = timeouts,
            ImportId = string.IsNullOrEmpty(importId) ? null : importId,
            RetainOnDelete = retainOnDelete,
            DeletedWith = string.IsNullOrEmpty(deletedWith) ? null : deletedWith,
            IgnoreChanges = ignoreChanges,
            HideDiff = hideDiff,
            ReplaceOnChanges = replaceOnChanges,
            Created = created,
            Modified = modified,
            SourcePosition = string.IsNullOrEmpty(sourcePosition) ? null : sourcePosition,
        };
    }

    private static SnapshotManifest ReadManifest(JsonElement element, string path)
    {
        RequireKind(element, JsonValueKind.Object, path);
        var time = element.TryGetProperty("time", out var timeElement) ? ToTime(timeElement, path + ".time") : null;
        var plugins = element.TryGetProperty("plugins", out var pluginsElement)
            ? ReadArray(pluginsElement, path + ".plugins", (item, itemPath) => new PluginInfo(
                GetString(item, "name", itemPath) ?? string.Empty,
                GetString(item, "path", itemPath) ?? string.Empty,
                GetString(item, "type", itemPath) ?? string.Empty,
                GetString(item, "version", itemPath) ?? string.Empty))
            : [];
        return new SnapshotManifest
        {
            Time = time ?? DateTimeOffset.UnixEpoch,
            Magic = GetString(element, "magic", path) ?? string.Empty,
            Version = GetString(element, "version", path) ?? string.Empty,
            Plugins = plugins,
        };
    }

    private static PendingOperation ReadPendingOperation(JsonElement element, StatePropertyCodec codec, string path)
    {
        RequireKind(element, JsonValueKind.Object, path);
        if (!element.TryGetProperty("resource", out var resource))
        {
            throw new StateFormatException($"{path}: a pending operation has no 'resource'.");
        }

        var typeName = GetString(element, "type", path) ?? string.Empty;
        var type = PendingOperation.FromJsonName(typeName)
            ?? throw new StateFormatException(
                $"{path}.type: unknown pending operation type '{typeName}' (expected creating, updating, deleting, reading or importing).");
        return new PendingOperation(ReadResource(resource, codec, path + ".resource"), type);
    }

    private static SnapshotMetadata ReadMetadata(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.Object
            || !element.TryGetProperty("integrity_error", out var error)
            || error.ValueKind != JsonValueKind.Object)
        {
            return SnapshotMetadata.Empty;
        }

        var at = path + ".integrity_error";
        return new SnapshotMetadata
        {
            IntegrityError = new IntegrityErrorMetadata(
                GetString(error, "version", at) ?? string.Empty,
                GetString(error, "command", at) ?? string.Empty,
                GetString(error, "error", at) ?? string.Empty),
        };
    }

    private static ResourceTimeouts? ReadTimeouts(JsonElement element, string path)
    {
        if (element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        RequireKind(element, JsonValueKind.Object, path);
        double Get(string name) =>
            element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
                ? value.ValueKind == JsonValueKind.Number
                    ? value.GetDouble()
                    : throw new StateFormatException($"{path}.{name}: must be a number of seconds (was {value.ValueKind}).")
                : 0;
        return new ResourceTimeouts(Get("create"), Get("update"), Get("delete"), Get("read"));
    }

    private static ImmutableArray<T> ReadArray<T>(JsonElement element, string path, Func<JsonElement, string, T> read)
    {
        if (element.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        RequireKind(element, JsonValueKind.Array, path);
        var builder = ImmutableArray.CreateBuilder<T>(element.GetArrayLength());
        var index = 0;
        foreach (var item in element.EnumerateArray())
        {
            builder.Add(read(item, $"{path}[{index}]"));
            index++;
        }

        return builder.MoveToImmutable();
    }

    private static void RequireKind(JsonElement element, JsonValueKind kind, string path)
    {
        if (element.ValueKind != kind)
        {
            throw new StateFormatException($"{path}: must be {(kind == JsonValueKind.Array ? "an array" : "an object")} (was {element.ValueKind}).");
        }
    }

    private static string? GetString(JsonElement element, string name, string path) =>
        element.TryGetProperty(name, out var value) ? ToString(value, path + "." + name) : null;

    private static string? ToString(JsonElement value, string path) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Null => null,
        _ => throw new StateFormatException($"{path}: must be a string (was {value.ValueKind})."),
    };

    private static bool ToBool(JsonElement value, string path) => value.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False or JsonValueKind.Null => false,
        _ => throw new StateFormatException($"{path}: must be true or false (was {value.ValueKind})."),
    };

    private static ImmutableArray<string> ToStrings(JsonElement value, string path) =>
        ReadArray(value, path, (item, itemPath) => ToString(item, itemPath) ?? string.Empty);

    private static DateTimeOffset? ToTime(JsonElement value, string path)
    {
        var text = ToString(value, path);
        if (text is null)
        {
            return null;
        }

        return StateTime.TryParse(text, out var time)
            ? time
            : throw new StateFormatException($"{path}: must be an RFC 3339 timestamp (was '{text}').");
    }
}
