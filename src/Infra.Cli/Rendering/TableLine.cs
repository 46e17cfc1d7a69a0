namespace Infra.Cli.Rendering;

/// <summary>One formatted line of the resource table and the row it shows (null for the header).</summary>
internal sealed record TableLine(string Text, ProgressRow? Row);
