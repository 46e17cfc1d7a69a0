using System.Collections.Immutable;
using Infra.Engine.Providers;
using Infra.Protocol.Values;

namespace Infra.Engine.Server;

/// <summary>
/// Conversions between what the program sends or accepts and what the engine records: output values
/// are downgraded to plain values (non-remote resources, pulumi-protocol.md §5.2), and outputs are
/// shaped by the request's <c>acceptSecrets</c>, <c>acceptResources</c> and <c>supportsPartialValues</c>.
/// </summary>
internal static class WireValues
{
    /// <summary>Replaces every output value by its value (or unknown), secret-wrapped when it was secret.</summary>
    public static ImmutableSortedDictionary<string, PropertyValue> Downgrade(ImmutableSortedDictionary<string, PropertyValue> properties)
    {
        var builder = ImmutableSortedDictionary.CreateBuilder<string, PropertyValue>(StringComparer.Ordinal);
        foreach (var (key, value) in properties)
        {
            builder[key] = Downgrade(value);
        }

        return builder.ToImmutable();
    }

    /// <summary>Downgrades one value (see <see cref="Downgrade(ImmutableSortedDictionary{string, PropertyValue})"/>).</summary>
    public static PropertyValue Downgrade(PropertyValue value) => value.Kind switch
    {
        PropertyValueKind.Output => DowngradeOutput(value.OutputValue),
        PropertyValueKind.Secret => PropertyValue.CreateSecret(Downgrade(value.SecretValue)),
        PropertyValueKind.Array => PropertyValue.CreateArray(value.ArrayValue.Select(Downgrade)),
        PropertyValueKind.Object => PropertyValue.CreateObject(value.ObjectValue.Select(p => KeyValuePair.Create(p.Key, Downgrade(p.Value)))),
        _ => value,
    };

    /// <summary>Shapes outputs for the program.</summary>
    /// <param name="outputs">The recorded outputs.</param>
    /// <param name="acceptSecrets">Keep secret envelopes; otherwise unwrap them.</param>
    /// <param name="acceptResources">Keep resource references; otherwise send the ID (custom) or URN (component).</param>
    /// <param name="supportsPartialValues">Keep top-level values that contain unknowns; otherwise drop them.</param>
    public static ImmutableSortedDictionary<string, PropertyValue> ForProgram(
        ImmutableSortedDictionary<string, PropertyValue> outputs,
        bool acceptSecrets,
        bool acceptResources,
        bool supportsPartialValues)
    {
        if (acceptSecrets && acceptResources && supportsPartialValues)
        {
            return outputs;
        }

        var builder = ImmutableSortedDictionary.CreateBuilder<string, PropertyValue>(StringComparer.Ordinal);
        foreach (var (key, value) in outputs)
        {
            if (!supportsPartialValues && value.ContainsUnknowns)
            {
                continue;
            }

            builder[key] = Shape(value, acceptSecrets, acceptResources);
        }

        return builder.ToImmutable();
    }

    /// <summary>The stack config as provider inputs: every value a string, secret keys wrapped as secrets.</summary>
    public static ImmutableSortedDictionary<string, PropertyValue> ConfigValues(
        IReadOnlyDictionary<string, string> values,
        IEnumerable<string> secretKeys)
    {
        var secrets = secretKeys.ToHashSet(StringComparer.Ordinal);
        return PropertyMaps.Create(values.Select(p => KeyValuePair.Create(
            p.Key,
            secrets.Contains(p.Key) ? PropertyValue.CreateSecret(PropertyValue.Create(p.Value)) : PropertyValue.Create(p.Value))));
    }

    private static PropertyValue DowngradeOutput(OutputPropertyValue output)
    {
        var inner = output.Value is null ? PropertyValue.Unknown : Downgrade(output.Value);
        return output.IsSecret && inner.Kind != PropertyValueKind.Secret ? PropertyValue.CreateSecret(inner) : inner;
    }

    private static PropertyValue Shape(PropertyValue value, bool acceptSecrets, bool acceptResources) => value.Kind switch
    {
        PropertyValueKind.Secret => acceptSecrets
            ? PropertyValue.CreateSecret(Shape(value.SecretValue, acceptSecrets, acceptResources))
            : Shape(value.SecretValue, acceptSecrets, acceptResources),
        PropertyValueKind.ResourceReference => acceptResources ? value : ReferenceAsString(value.ResourceReferenceValue),
        PropertyValueKind.Array => PropertyValue.CreateArray(value.ArrayValue.Select(v => Shape(v, acceptSecrets, acceptResources))),
        PropertyValueKind.Object => PropertyValue.CreateObject(value.ObjectValue.Select(p => KeyValuePair.Create(p.Key, Shape(p.Value, acceptSecrets, acceptResources)))),
        _ => value,
    };

    private static PropertyValue ReferenceAsString(ResourceReferenceValue reference)
    {
        if (reference.Id is null)
        {
            return PropertyValue.Create(reference.Urn);
        }

        return reference.Id.Length == 0 ? PropertyValue.Unknown : PropertyValue.Create(reference.Id);
    }
}
