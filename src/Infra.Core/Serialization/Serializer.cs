using System.Collections;
using System.Collections.Immutable;
using System.Globalization;
using System.Reflection;
using System.Runtime.Serialization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Infra.Assets;
using Infra.Protocol.Values;

namespace Infra.Serialization;

/// <summary>
/// Turns C# values (plain values, inputs, outputs, args, resources, assets, collections, objects)
/// into <see cref="PropertyValue"/>s, collecting the resources each value depends on.
/// </summary>
/// <param name="keepResources">Send resource references (feature <c>resourceReferences</c>); otherwise IDs/URNs.</param>
/// <param name="keepOutputValues">Send output values (remote components with feature <c>outputValues</c>).</param>
internal sealed class Serializer(bool keepResources, bool keepOutputValues)
{
    private const long MaxSafeLong = 9007199254740992L;

    /// <summary>Serializes the input properties of an args object: wire name to value, nulls dropped.</summary>
    public async Task<ImmutableSortedDictionary<string, SerializedProperty>> SerializeArgsAsync(ValuePath context, InputArgs args)
    {
        var builder = ImmutableSortedDictionary.CreateBuilder<string, SerializedProperty>(StringComparer.Ordinal);
        var dependencies = new HashSet<Resource>();
        foreach (var member in WireMembers.Of(args.GetType()))
        {
            var raw = member.Property.GetValue(args);
            if (raw is null)
            {
                continue;
            }

            dependencies.Clear();
            var value = await SerializeAsync(context.Member(member.Name), raw, dependencies).ConfigureAwait(false);
            if (member.Json)
            {
                value = ToJsonString(value);
            }

            if (!value.IsNull)
            {
                builder[member.Name] = new SerializedProperty(value, dependencies.Count == 0 ? [] : [.. dependencies]);
            }
        }

        return builder.ToImmutable();
    }

    /// <summary>Serializes one value; <paramref name="dependencies"/> receives every resource it depends on.</summary>
    public async ValueTask<PropertyValue> SerializeAsync(ValuePath context, object? value, ISet<Resource> dependencies)
    {
        switch (value)
        {
            case null:
                return PropertyValue.Null;
            case PropertyValue propertyValue:
                return propertyValue;
            case IInput input:
                return await SerializeAsync(context, input.ToUntypedOutput(), dependencies).ConfigureAwait(false);
            case IOutput output:
                return await SerializeOutputAsync(context, output, dependencies).ConfigureAwait(false);
            case string text:
                return PropertyValue.Create(text);
            case bool flag:
                return PropertyValue.Create(flag);
            case Enum enumValue:
                return PropertyValue.Create(EnumWireValue(enumValue));
            case int or long or short or byte or sbyte or uint or ulong or ushort or double or float or decimal:
                return PropertyValue.Create(ToDouble(context, value));
            case Resource resource:
                return await SerializeResourceAsync(resource, dependencies).ConfigureAwait(false);
            case Asset or Archive:
                return await SerializeAssetOrArchiveAsync(context, value, dependencies).ConfigureAwait(false);
            case InputArgs args:
                return await SerializeMembersAsync(context, args, dependencies).ConfigureAwait(false);
            case JsonElement element:
                return FromJson(JsonNode.Parse(element.GetRawText()));
            case JsonNode node:
                return FromJson(node);
            case IDictionary dictionary:
                return await SerializeDictionaryAsync(context, dictionary, dependencies).ConfigureAwait(false);
            case IEnumerable sequence:
                {
                    var items = new List<PropertyValue>();
                    var index = 0;
                    foreach (var item in sequence)
                    {
                        items.Add(await SerializeAsync(context.Index(index++), item, dependencies).ConfigureAwait(false));
                    }

                    return PropertyValue.CreateArray(items);
                }

            case DateTimeOffset moment:
                return PropertyValue.Create(moment.ToString("O", CultureInfo.InvariantCulture));
            case DateTime moment:
                return PropertyValue.Create(moment.ToString("O", CultureInfo.InvariantCulture));
            case TimeSpan span:
                return PropertyValue.Create(span.ToString("c", CultureInfo.InvariantCulture));
            case Guid or Uri:
                return PropertyValue.Create(value.ToString()!);
            default:
                if (value.GetType().IsPrimitive || value.GetType().IsPointer)
                {
                    throw new InvalidOperationException($"{context}: values of type {value.GetType()} cannot be sent to the engine.");
                }

                return await SerializeMembersAsync(context, value, dependencies).ConfigureAwait(false);
        }
    }

    internal static string EnumWireValue(Enum value)
    {
        var name = value.ToString();
        var field = value.GetType().GetField(name, BindingFlags.Public | BindingFlags.Static);
        return field?.GetCustomAttribute<EnumMemberAttribute>()?.Value ?? name;
    }

    internal static PropertyValue FromJson(JsonNode? node) => node switch
    {
        null => PropertyValue.Null,
        JsonObject obj => PropertyValue.CreateObject(obj.Select(p => KeyValuePair.Create(p.Key, FromJson(p.Value)))),
        JsonArray array => PropertyValue.CreateArray(array.Select(FromJson)),
        JsonValue scalar => scalar.GetValueKind() switch
        {
            JsonValueKind.String => PropertyValue.Create(scalar.GetValue<string>()),
            JsonValueKind.Number => PropertyValue.Create(scalar.GetValue<double>()),
            JsonValueKind.True => PropertyValue.True,
            JsonValueKind.False => PropertyValue.False,
            _ => PropertyValue.Null,
        },
        _ => PropertyValue.Null,
    };

    /// <summary>Encodes a plain value as JSON text (for provider configuration marked <c>json</c>).</summary>
    internal static PropertyValue ToJsonString(PropertyValue value)
    {
        if (value.IsNull || value.Kind == PropertyValueKind.String)
        {
            return value;
        }

        if (value.ContainsUnknowns)
        {
            return value.ContainsSecrets ? PropertyValue.CreateSecret(PropertyValue.Unknown) : PropertyValue.Unknown;
        }

        var text = PlainJson.Write(value.WithoutSecrets());
        return value.ContainsSecrets ? PropertyValue.CreateSecret(PropertyValue.Create(text)) : PropertyValue.Create(text);
    }

    private static double ToDouble(ValuePath context, object value)
    {
        var number = Convert.ToDouble(value, CultureInfo.InvariantCulture);
        var unsafeInteger = value switch
        {
            long l => l is > MaxSafeLong or < -MaxSafeLong,
            ulong u => u > MaxSafeLong,
            decimal d => Math.Abs(d) > MaxSafeLong,
            _ => false,
        };
        if (unsafeInteger)
        {
            throw new ArgumentOutOfRangeException(
                context.ToString(),
                value,
                $"{context}: {value} is beyond ±2^53 and would lose precision as a wire number (send it as a string).");
        }

        if (double.IsNaN(number) || double.IsInfinity(number))
        {
            throw new ArgumentOutOfRangeException(context.ToString(), value, $"{context}: NaN and infinity cannot be sent to the engine.");
        }

        return number;
    }

    private async ValueTask<PropertyValue> SerializeOutputAsync(ValuePath context, IOutput output, ISet<Resource> dependencies)
    {
        var data = await output.GetDataAsync().ConfigureAwait(false);
        dependencies.UnionWith(data.Resources);
        if (keepOutputValues)
        {
            var inner = data.IsKnown ? await SerializeAsync(context, data.Value, dependencies).ConfigureAwait(false) : null;
            var urns = new List<string>();
            foreach (var resource in data.Resources)
            {
                urns.Add((await resource.Urn.DataTask.ConfigureAwait(false)).Value);
            }

            urns.Sort(StringComparer.Ordinal);
            return PropertyValue.CreateOutput(new OutputPropertyValue(inner, data.IsSecret, [.. urns]));
        }

        var value = data.IsKnown
            ? await SerializeAsync(context, data.Value, dependencies).ConfigureAwait(false)
            : PropertyValue.Unknown;
        return data.IsSecret ? PropertyValue.CreateSecret(value) : value;
    }

    private async ValueTask<PropertyValue> SerializeResourceAsync(Resource resource, ISet<Resource> dependencies)
    {
        dependencies.Add(resource);
        var urn = (await resource.Urn.DataTask.ConfigureAwait(false)).Value;
        var idOutput = resource switch
        {
            CustomResource custom => custom.Id,
            Runtime.DependencyResource { IsCustom: true } dependency => dependency.Id,
            _ => null,
        };
        if (idOutput is not null)
        {
            var id = await idOutput.DataTask.ConfigureAwait(false);
            var idText = id.IsKnown ? id.Value ?? string.Empty : string.Empty;
            if (keepResources)
            {
                return PropertyValue.CreateResourceReference(new ResourceReferenceValue(urn, idText));
            }

            return id.IsKnown && idText.Length > 0 ? PropertyValue.Create(idText) : PropertyValue.Unknown;
        }

        return keepResources
            ? PropertyValue.CreateResourceReference(new ResourceReferenceValue(urn))
            : PropertyValue.Create(urn);
    }

    private async ValueTask<PropertyValue> SerializeAssetOrArchiveAsync(ValuePath context, object value, ISet<Resource> dependencies)
    {
        switch (value)
        {
            case StringAsset text:
                return PropertyValue.CreateAsset(new AssetValue(Text: text.Text));
            case FileAsset file:
                return PropertyValue.CreateAsset(new AssetValue(Path: file.Path));
            case RemoteAsset remote:
                return PropertyValue.CreateAsset(new AssetValue(Uri: remote.Uri));
            case FileArchive file:
                return PropertyValue.CreateArchive(new ArchiveValue(Path: file.Path));
            case RemoteArchive remote:
                return PropertyValue.CreateArchive(new ArchiveValue(Uri: remote.Uri));
            case AssetArchive assets:
                {
                    var builder = ImmutableSortedDictionary.CreateBuilder<string, PropertyValue>(StringComparer.Ordinal);
                    foreach (var (name, member) in assets.Assets)
                    {
                        builder[name] = await SerializeAsync(context.Member(name), member, dependencies).ConfigureAwait(false);
                    }

                    return PropertyValue.CreateArchive(new ArchiveValue(Assets: builder.ToImmutable()));
                }

            default:
                throw new InvalidOperationException($"{context}: unsupported asset or archive {value.GetType()}.");
        }
    }

    private async ValueTask<PropertyValue> SerializeDictionaryAsync(ValuePath context, IDictionary dictionary, ISet<Resource> dependencies)
    {
        var members = new List<KeyValuePair<string, PropertyValue>>();
        foreach (DictionaryEntry entry in dictionary)
        {
            if (entry.Key is not string key)
            {
                throw new InvalidOperationException($"{context}: dictionary keys must be strings (found {entry.Key.GetType()}).");
            }

            var value = await SerializeAsync(context.Member(key), entry.Value, dependencies).ConfigureAwait(false);
            if (!value.IsNull)
            {
                members.Add(KeyValuePair.Create(key, value));
            }
        }

        return PropertyValue.CreateObject(members);
    }

    private async ValueTask<PropertyValue> SerializeMembersAsync(ValuePath context, object value, ISet<Resource> dependencies)
    {
        var members = new List<KeyValuePair<string, PropertyValue>>();
        foreach (var member in WireMembers.Of(value.GetType()))
        {
            var raw = member.Property.GetValue(value);
            var serialized = await SerializeAsync(context.Member(member.Name), raw, dependencies).ConfigureAwait(false);
            if (member.Json)
            {
                serialized = ToJsonString(serialized);
            }

            if (!serialized.IsNull)
            {
                members.Add(KeyValuePair.Create(member.Name, serialized));
            }
        }

        return PropertyValue.CreateObject(members);
    }
}
