using System.Collections.Immutable;
using System.Text.Json;
using Infra.Protocol.Values;

namespace Infra.Engine.State;

/// <summary>
/// Writes and reads a deployment (<c>DeploymentV3</c>) and its resources (<c>ResourceV3</c>) with the
/// exact field names and order of pulumi-formats.md §4.2–4.3, leaving out empty fields. Reading is
/// tolerant of deployments of versions 1–3 (v1 <c>defaults</c> are merged into <c>inputs</c>) and
/// ignores fields it does not model.
/// </summary>
internal static partial class DeploymentJson
{
    public static void WriteDeployment(StateJsonWriter writer, StackSnapshot snapshot, StatePropertyCodec codec)
    {
        writer.WriteStartObject();

        writer.WritePropertyName("manifest");
        writer.WriteStartObject();
        writer.WriteString("time", StateTime.FormatNano(snapshot.Manifest.Time));
        writer.WriteString("magic", snapshot.Manifest.Magic);
        writer.WriteString("version", snapshot.Manifest.Version);
        if (!snapshot.Manifest.Plugins.IsDefaultOrEmpty)
        {
            writer.WritePropertyName("plugins");
            writer.WriteStartArray();
            foreach (var plugin in snapshot.Manifest.Plugins)
            {
                writer.WriteStartObject();
                writer.WriteString("name", plugin.Name);
                writer.WriteString("path", plugin.Path);
                writer.WriteString("type", plugin.Type);
                writer.WriteString("version", plugin.Version);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();

        if (snapshot.SecretsProvider is { } secrets)
        {
            writer.WritePropertyName("secrets_providers");
            writer.WriteStartObject();
            writer.WriteString("type", secrets.Type);
            if (secrets.State is { } state)
            {
                writer.WritePropertyName("state");
                writer.WriteElement(state);
            }

            writer.WriteEndObject();
        }

        if (!snapshot.Resources.IsDefaultOrEmpty)
        {
            writer.WritePropertyName("resources");
            writer.WriteStartArray();
            foreach (var resource in snapshot.Resources)
            {
                ResourceJsonCache.WriteResource(writer, resource, codec);
            }

            writer.WriteEndArray();
        }

        if (!snapshot.PendingOperations.IsDefaultOrEmpty)
        {
            writer.WritePropertyName("pending_operations");
            writer.WriteStartArray();
            foreach (var operation in snapshot.PendingOperations)
            {
                writer.WriteStartObject();
                writer.WritePropertyName("resource");
                ResourceJsonCache.WriteResource(writer, operation.Resource, codec);
                writer.WriteString("type", operation.TypeName);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        writer.WritePropertyName("metadata");
        writer.WriteStartObject();
        if (snapshot.Metadata.IntegrityError is { } integrityError)
        {
            writer.WritePropertyName("integrity_error");
            writer.WriteStartObject();
            writer.WriteString("version", integrityError.Version);
            writer.WriteString("command", integrityError.Command);
            writer.WriteString("error", integrityError.Error);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();

        writer.WriteEndObject();
    }

    public static void WriteResource(StateJsonWriter writer, ResourceState resource, StatePropertyCodec codec)
    {
        writer.WriteStartObject();
        writer.WriteString("urn", resource.Urn);
        writer.WriteBoolean("custom", resource.Custom);
        if (resource.Delete)
        {
            writer.WriteBoolean("delete", true);
        }

        if (!string.IsNullOrEmpty(resource.Id))
        {
            writer.WriteString("id", resource.Id);
        }

        writer.WriteString("type", resource.Type);
        WriteProperties(writer, "inputs", resource.Inputs, codec);
        WriteProperties(writer, "outputs", resource.Outputs, codec);
        WriteOptional(writer, "parent", resource.Parent);
        WriteFlag(writer, "protect", resource.Protect);
        WriteFlag(writer, "external", resource.External);
        WriteStrings(writer, "dependencies", resource.Dependencies);
        WriteStrings(writer, "initErrors", resource.InitErrors);
        WriteOptional(writer, "provider", resource.Provider);
        if (resource.PropertyDependencies is { Count: > 0 } propertyDependencies)
        {
            writer.WritePropertyName("propertyDependencies");
            writer.WriteStartObject();
            foreach (var (key, urns) in propertyDependencies.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                writer.WritePropertyName(key);
                writer.WriteStartArray();
                if (!urns.IsDefault)
                {
                    foreach (var urn in urns)
                    {
                        writer.WriteStringValue(urn);
                    }
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }

        WriteFlag(writer, "pendingReplacement", resource.PendingReplacement);
        WriteStrings(writer, "additionalSecretOutputs", resource.AdditionalSecretOutputs);
        if (resource.CustomTimeouts is { } timeouts
            && (timeouts.Create != 0 || timeouts.Update != 0 || timeouts.Delete != 0 || timeouts.Read != 0))
        {
            writer.WritePropertyName("customTimeouts");
            writer.WriteStartObject();
            WriteNonZero(writer, "create", timeouts.Create);
            WriteNonZero(writer, "update", timeouts.Update);
            WriteNonZero(writer, "delete", timeouts.Delete);
            WriteNonZero(writer, "read", timeouts.Read);
            writer.WriteEndObject();
        }

        WriteOptional(writer, "importID", resource.ImportId);
        WriteFlag(writer, "retainOnDelete", resource.RetainOnDelete);
        WriteOptional(writer, "deletedWith", resource.DeletedWith);
        WriteStrings(writer, "ignoreChanges", resource.IgnoreChanges);
        WriteStrings(writer, "hideDiff", resource.HideDiff);
        WriteStrings(writer, "replaceOnChanges", resource.ReplaceOnChanges);
        if (resource.Created is { } created)
        {
            writer.WriteString("created", StateTime.FormatNano(created));
        }

        if (resource.Modified is { } modified)
        {
            writer.WriteString("modified", StateTime.FormatNano(modified));
        }

        WriteOptional(writer, "sourcePosition", resource.SourcePosition);
        writer.WriteEndObject();
    }

    private static void WriteProperties(
        StateJsonWriter writer,
        string name,
        ImmutableSortedDictionary<string, PropertyValue>? properties,
        StatePropertyCodec codec)
    {
        if (properties is null || properties.Count == 0 || properties.Values.All(v => v.IsNull))
        {
            return;
        }

        writer.WritePropertyName(name);
        codec.WriteMap(writer, properties);
    }

    private static void WriteOptional(StateJsonWriter writer, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            writer.WriteString(name, value);
        }
    }

    private static void WriteFlag(StateJsonWriter writer, string name, bool value)
    {
        if (value)
        {
            writer.WriteBoolean(name, true);
        }
    }

    private static void WriteNonZero(StateJsonWriter writer, string name, double value)
    {
        if (value != 0)
        {
            writer.WriteNumber(name, value);
        }
    }

    private static void WriteStrings(StateJsonWriter writer, string name, ImmutableArray<string> values)
    {
        if (values.IsDefaultOrEmpty)
        {
            return;
        }

        writer.WritePropertyName(name);
        writer.WriteStartArray();
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }
}
