using System.Collections.Immutable;
using Infra.Engine.Deployments.Events;
using Infra.Engine.Planning;

namespace Infra.Cli.Rendering;

/// <summary>One resource row of the progress display (mutable; owned by <see cref="ProgressModel"/>).</summary>
internal sealed class ProgressRow
{
    public required string Urn { get; init; }

    /// <summary>The type token as the engine reported it.</summary>
    public required string Type { get; init; }

    public required string Name { get; init; }

    public string? Parent { get; set; }

    public StepKind Kind { get; set; }

    public StepPhase Phase { get; set; }

    /// <summary>The status text (Plan or Status column).</summary>
    public string Status { get; set; } = string.Empty;

    /// <summary>The <c>[diff: ...]</c> text, when the step changes properties.</summary>
    public string? ShortDiff { get; set; }

    /// <summary>The last message attached to the row (shown while running).</summary>
    public string? LastMessage { get; set; }

    /// <summary>The provider's latest progress message while the step runs (cleared when it finishes).</summary>
    public string? ProgressMessage { get; set; }

    public int Messages { get; set; }

    public int Warnings { get; set; }

    public int Errors { get; set; }

    public bool Failed => Phase == StepPhase.Failed;

    public bool IsStack => TypeDisplay.IsStack(Type);

    /// <summary>The property changes of the step (for <c>--diff</c>).</summary>
    public ImmutableArray<PropertyChange> Changes { get; set; } = [];

    /// <summary>The display name of the type.</summary>
    public string DisplayType => TypeDisplay.Simplify(Type);

    /// <summary>The Info column: the diff and, while running, the last message, or when done the message counts.</summary>
    public string Info(bool finished)
    {
        var parts = new List<string>();
        if (ShortDiff is not null)
        {
            parts.Add(ShortDiff);
        }

        if (!finished)
        {
            var message = Phase == StepPhase.Started && ProgressMessage is not null ? ProgressMessage : LastMessage;
            if (message is not null)
            {
                parts.Add(message);
            }
        }
        else
        {
            AddCount(parts, Messages, "message");
            AddCount(parts, Warnings, "warning");
            AddCount(parts, Errors, "error");
        }

        return string.Join("; ", parts);
    }

    private static void AddCount(List<string> parts, int count, string noun)
    {
        if (count > 0)
        {
            parts.Add(count == 1 ? $"1 {noun}" : $"{count} {noun}s");
        }
    }
}
