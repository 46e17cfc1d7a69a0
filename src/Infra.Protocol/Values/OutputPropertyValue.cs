using System.Collections.Immutable;

namespace Infra.Protocol.Values;

/// <summary>An output value: a possibly unknown value with its secret flag and the URNs it depends on.</summary>
/// <param name="Value">The value, or <see langword="null"/> when unknown.</param>
/// <param name="IsSecret">Whether the value is secret.</param>
/// <param name="Dependencies">URNs of the resources the value came from.</param>
public sealed record OutputPropertyValue(PropertyValue? Value, bool IsSecret, ImmutableArray<string> Dependencies)
{
    /// <summary>Whether the value is known.</summary>
    public bool IsKnown => Value is not null;

    /// <inheritdoc/>
    public bool Equals(OutputPropertyValue? other) =>
        other is not null
        && IsSecret == other.IsSecret
        && Equals(Value, other.Value)
        && Dependencies.SequenceEqual(other.Dependencies);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Value, IsSecret, Dependencies.Length);
}
