namespace Infra.Protocol.Values;

/// <summary>What a <see cref="PropertyValue"/> holds.</summary>
public enum PropertyValueKind
{
    /// <summary>The null value.</summary>
    Null,

    /// <summary>A bool.</summary>
    Bool,

    /// <summary>A number (always a double on the wire).</summary>
    Number,

    /// <summary>A string.</summary>
    String,

    /// <summary>An ordered list of values.</summary>
    Array,

    /// <summary>A map from string keys to values.</summary>
    Object,

    /// <summary>An asset (text, file path or URI).</summary>
    Asset,

    /// <summary>An archive (map of assets, file path or URI).</summary>
    Archive,

    /// <summary>A secret wrapping another value.</summary>
    Secret,

    /// <summary>A value not known yet (preview).</summary>
    Unknown,

    /// <summary>A reference to another resource.</summary>
    ResourceReference,

    /// <summary>An output value with its own known/secret/dependency metadata.</summary>
    Output,
}
