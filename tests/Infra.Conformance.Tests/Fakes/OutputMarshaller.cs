using Google.Protobuf.WellKnownTypes;
using Infra.Protocol;

namespace Infra.Conformance.Tests.Fakes;

/// <summary>
/// Marshals outputs for a response the way the engine does (pulumi-protocol.md §3.3, §5.2): without
/// <c>acceptSecrets</c> secret envelopes are unwrapped; without <c>acceptResources</c> references become
/// the ID (custom) or URN (component) string; without <c>supportsPartialValues</c> every top-level key
/// whose value contains an unknown is dropped.
/// </summary>
public static class OutputMarshaller
{
    /// <summary>Returns a marshalled copy of <paramref name="outputs"/>.</summary>
    /// <param name="outputs">The outputs the hook produced.</param>
    /// <param name="acceptSecrets">The request's <c>acceptSecrets</c>.</param>
    /// <param name="acceptResources">The request's <c>acceptResources</c>.</param>
    /// <param name="supportsPartialValues">The request's <c>supportsPartialValues</c>.</param>
    public static Struct Marshal(Struct? outputs, bool acceptSecrets, bool acceptResources, bool supportsPartialValues)
    {
        var result = new Struct();
        if (outputs is null)
        {
            return result;
        }

        foreach (var (key, value) in outputs.Fields)
        {
            if (!supportsPartialValues && ContainsUnknown(value))
            {
                continue;
            }

            result.Fields[key] = Convert(value, acceptSecrets, acceptResources);
        }

        return result;
    }

    /// <summary>Whether the value holds any of the seven unknown sentinels at any depth.</summary>
    /// <param name="value">The value.</param>
    public static bool ContainsUnknown(Value value) => value.KindCase switch
    {
        Value.KindOneofCase.StringValue => WireConstants.IsUnknownSentinel(value.StringValue),
        Value.KindOneofCase.ListValue => value.ListValue.Values.Any(ContainsUnknown),
        Value.KindOneofCase.StructValue => value.StructValue.Fields.Values.Any(ContainsUnknown),
        _ => false,
    };

    private static Value Convert(Value value, bool acceptSecrets, bool acceptResources)
    {
        switch (value.KindCase)
        {
            case Value.KindOneofCase.ListValue:
                return Value.ForList([.. value.ListValue.Values.Select(v => Convert(v, acceptSecrets, acceptResources))]);
            case Value.KindOneofCase.StructValue:
                {
                    var fields = value.StructValue.Fields;
                    var signature = fields.TryGetValue(WireConstants.SignatureKey, out var s) ? s.StringValue : null;
                    if (signature == WireConstants.SecretSignature && !acceptSecrets)
                    {
                        return fields.TryGetValue("value", out var inner) ? Convert(inner, acceptSecrets, acceptResources) : Value.ForNull();
                    }

                    if (signature == WireConstants.ResourceReferenceSignature && !acceptResources)
                    {
                        return fields.TryGetValue("id", out var id) ? id.Clone() : fields["urn"].Clone();
                    }

                    var copy = new Struct();
                    foreach (var (key, member) in fields)
                    {
                        copy.Fields[key] = key == WireConstants.SignatureKey ? member.Clone() : Convert(member, acceptSecrets, acceptResources);
                    }

                    return Value.ForStruct(copy);
                }

            default:
                return value.Clone();
        }
    }
}
