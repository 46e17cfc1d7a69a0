using Infra.Engine.Planning;

namespace Infra.Cli.Rendering;

/// <summary>
/// The display vocabulary of a step (pulumi-formats.md §5.4): its 2-character symbol, the texts shown
/// while planned, running and done, the past tense used in the summary, and its JSON op name.
/// </summary>
internal static class StepDisplay
{
    /// <summary>The 2-character symbol (<c>RawPrefix</c>).</summary>
    public static string Symbol(StepKind kind) => kind switch
    {
        StepKind.Create => "+ ",
        StepKind.Update => "~ ",
        StepKind.Delete => "- ",
        StepKind.Replace => "+-",
        StepKind.Read => "> ",
        StepKind.Import => "= ",
        StepKind.Refresh => "~ ",
        _ => "  ",
    };

    /// <summary>The op name used in JSON and in <c>--diff</c> headers.</summary>
    public static string OpName(StepKind kind) => kind switch
    {
        StepKind.Same => "same",
        StepKind.Create => "create",
        StepKind.Update => "update",
        StepKind.Delete => "delete",
        StepKind.Replace => "replace",
        StepKind.Read => "read",
        StepKind.Import => "import",
        StepKind.Refresh => "refresh",
        _ => kind.ToString().ToLowerInvariant(),
    };

    /// <summary>The text of a planned step (preview).</summary>
    public static string PreviewText(StepKind kind) => kind switch
    {
        StepKind.Same => string.Empty,
        StepKind.Refresh => "refreshing",
        _ => OpName(kind),
    };

    /// <summary>The text of a step that is running.</summary>
    public static string InProgressText(StepKind kind) => kind switch
    {
        StepKind.Create => "creating",
        StepKind.Update => "updating",
        StepKind.Delete => "deleting",
        StepKind.Replace => "replacing",
        StepKind.Read => "reading",
        StepKind.Import => "importing",
        StepKind.Refresh => "refreshing",
        _ => string.Empty,
    };

    /// <summary>The text of a step that is done.</summary>
    public static string DoneText(StepKind kind) => kind switch
    {
        StepKind.Create => "created",
        StepKind.Update => "updated",
        StepKind.Delete => "deleted",
        StepKind.Replace => "replaced",
        StepKind.Read => "read",
        StepKind.Import => "imported",
        StepKind.Refresh => "refresh",
        _ => string.Empty,
    };

    /// <summary>The past tense in the <c>Resources:</c> summary of an update.</summary>
    public static string SummaryPastText(StepKind kind) => kind switch
    {
        StepKind.Create => "created",
        StepKind.Update => "updated",
        StepKind.Delete => "deleted",
        StepKind.Replace => "replaced",
        StepKind.Refresh => "refreshed",
        StepKind.Import => "imported",
        _ => OpName(kind),
    };

    /// <summary>The Spectre.Console colour name of a step's row.</summary>
    public static string Color(StepKind kind) => kind switch
    {
        StepKind.Create or StepKind.Import => "green",
        StepKind.Delete => "red",
        StepKind.Update or StepKind.Refresh => "yellow",
        StepKind.Replace => "magenta",
        StepKind.Read => "cyan",
        _ => "grey",
    };
}
