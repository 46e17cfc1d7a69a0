using System.Collections.Immutable;

namespace Infra.Engine.State;

/// <summary>
/// One finished non-preview operation, written to <c>.pulumi/history/&lt;project&gt;/&lt;stack&gt;/</c> as
/// <c>{kind, startTime, message, environment, config, version, result, endTime, resourceChanges}</c>.
/// </summary>
internal sealed record UpdateRecord
{
    public required UpdateKind Kind { get; init; }

    public required DateTimeOffset StartTime { get; init; }

    public required DateTimeOffset EndTime { get; init; }

    public required UpdateResult Result { get; init; }

    public string Message { get; init; } = string.Empty;

    public ImmutableSortedDictionary<string, string> Environment { get; init; } =
        ImmutableSortedDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal);

    public ImmutableSortedDictionary<string, HistoryConfigValue> Config { get; init; } =
        ImmutableSortedDictionary<string, HistoryConfigValue>.Empty.WithComparers(StringComparer.Ordinal);

    /// <summary>Counts per step operation (<c>create</c>, <c>update</c>, <c>delete</c>, <c>same</c>, ...).</summary>
    public ImmutableSortedDictionary<string, int> ResourceChanges { get; init; } =
        ImmutableSortedDictionary<string, int>.Empty.WithComparers(StringComparer.Ordinal);

    internal static string KindName(UpdateKind kind) => kind switch
    {
        UpdateKind.Update => "update",
        UpdateKind.Preview => "preview",
        UpdateKind.Refresh => "refresh",
        UpdateKind.Rename => "rename",
        UpdateKind.Destroy => "destroy",
        UpdateKind.Import => "import",
        UpdateKind.ResourceImport => "resource-import",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown update kind."),
    };

    internal static string ResultName(UpdateResult result) => result switch
    {
        UpdateResult.Succeeded => "succeeded",
        UpdateResult.Failed => "failed",
        UpdateResult.InProgress => "in-progress",
        _ => throw new ArgumentOutOfRangeException(nameof(result), result, "Unknown update result."),
    };
}
