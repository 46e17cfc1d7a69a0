namespace Infra.Protocol.Values;

/// <summary>The type an unknown value stands for; each kind has its own sentinel string on the wire.</summary>
public enum UnknownKind
{
    /// <summary>A string (the canonical sentinel, also used for unknown IDs).</summary>
    String,

    /// <summary>A bool.</summary>
    Bool,

    /// <summary>A number.</summary>
    Number,

    /// <summary>An array.</summary>
    Array,

    /// <summary>An asset.</summary>
    Asset,

    /// <summary>An archive.</summary>
    Archive,

    /// <summary>An object.</summary>
    Object,
}
