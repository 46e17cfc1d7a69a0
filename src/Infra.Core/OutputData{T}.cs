using System.Collections.Immutable;

namespace Infra;

/// <summary>The resolved state of an <see cref="Output{T}"/>: value, known, secret and the resources it came from.</summary>
/// <typeparam name="T">The value type.</typeparam>
/// <param name="Value">The value; meaningless when <paramref name="IsKnown"/> is false.</param>
/// <param name="IsKnown">Whether the value is known (false during preview for values the engine cannot know yet).</param>
/// <param name="IsSecret">Whether the value is secret.</param>
/// <param name="Resources">The resources the value depends on.</param>
internal readonly record struct OutputData<T>(T Value, bool IsKnown, bool IsSecret, ImmutableHashSet<Resource> Resources)
{
    public static OutputData<T> Known(T value, bool isSecret = false, ImmutableHashSet<Resource>? resources = null) =>
        new(value, true, isSecret, resources ?? []);

    public static OutputData<T> Unknown(bool isSecret = false, ImmutableHashSet<Resource>? resources = null) =>
        new(default!, false, isSecret, resources ?? []);
}
