using Google.Protobuf.WellKnownTypes;
using Infra.Protocol;
using Infra.Protocol.Values;

namespace Infra.Conformance.Tests.Fakes;

/// <summary>Ready-made <see cref="OutputHook"/>s and wire values to inject into outputs.</summary>
public static class OutputHooks
{
    /// <summary>The default: the outputs are the inputs.</summary>
    public static OutputHook Echo { get; } = (request, _) => request.Object?.Clone() ?? new Struct();

    /// <summary>Echoes the inputs and then sets (adds or replaces) the given top-level outputs.</summary>
    /// <param name="overrides">Output keys and their wire values (see <see cref="Unknown"/>, <see cref="Secret"/>, <see cref="Reference"/>).</param>
    public static OutputHook EchoWith(params (string Key, Value Value)[] overrides) => (request, urn) =>
    {
        var outputs = Echo(request, urn);
        foreach (var (key, value) in overrides)
        {
            outputs.Fields[key] = value.Clone();
        }

        return outputs;
    };

    /// <summary>Echoes the inputs with every top-level value replaced by the unknown sentinel of <paramref name="kind"/>.</summary>
    /// <param name="kind">Which of the seven sentinels.</param>
    public static OutputHook EchoAllUnknown(UnknownKind kind = UnknownKind.String) => (request, urn) =>
    {
        var outputs = Echo(request, urn);
        foreach (var key in outputs.Fields.Keys.ToList())
        {
            outputs.Fields[key] = Unknown(kind);
        }

        return outputs;
    };

    /// <summary>Echoes the inputs with every top-level value wrapped in a secret envelope.</summary>
    public static OutputHook EchoAllSecret { get; } = (request, urn) =>
    {
        var outputs = Echo(request, urn);
        foreach (var key in outputs.Fields.Keys.ToList())
        {
            outputs.Fields[key] = Secret(outputs.Fields[key]);
        }

        return outputs;
    };

    /// <summary>The unknown sentinel of <paramref name="kind"/> as a wire value.</summary>
    /// <param name="kind">Which of the seven sentinels.</param>
    public static Value Unknown(UnknownKind kind = UnknownKind.String) => Value.ForString(WireConstants.SentinelFor(kind));

    /// <summary>A secret envelope around <paramref name="value"/>.</summary>
    /// <param name="value">The wrapped wire value (may be an unknown sentinel).</param>
    public static Value Secret(Value value)
    {
        var envelope = new Struct();
        envelope.Fields[WireConstants.SignatureKey] = Value.ForString(WireConstants.SecretSignature);
        envelope.Fields["value"] = value.Clone();
        return Value.ForStruct(envelope);
    }

    /// <summary>A resource reference.</summary>
    /// <param name="urn">The referenced URN.</param>
    /// <param name="id">The ID for a custom resource (<c>""</c> = unknown); null for a component.</param>
    public static Value Reference(string urn, string? id = null) =>
        StructEncoding.ToValue(PropertyValue.CreateResourceReference(new ResourceReferenceValue(urn, id)));
}
