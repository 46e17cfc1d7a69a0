using System.Globalization;

namespace Infra.Engine.Projects;

/// <summary>One step of a config property path: a map member name or an array index.</summary>
internal readonly record struct ConfigPathSegment
{
    private ConfigPathSegment(string? name, int index)
    {
        Name = name;
        Index = index;
    }

    /// <summary>The member name, or null for an index.</summary>
    public string? Name { get; }

    /// <summary>The array index (meaningful only when <see cref="IsIndex"/>).</summary>
    public int Index { get; }

    /// <summary>True for <c>[n]</c> segments.</summary>
    public bool IsIndex => Name is null;

    /// <summary>A member segment.</summary>
    public static ConfigPathSegment Member(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return new ConfigPathSegment(name, 0);
    }

    /// <summary>An index segment.</summary>
    public static ConfigPathSegment At(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        return new ConfigPathSegment(null, index);
    }

    /// <inheritdoc />
    public override string ToString() => IsIndex ? $"[{Index.ToString(CultureInfo.InvariantCulture)}]" : Name!;
}
