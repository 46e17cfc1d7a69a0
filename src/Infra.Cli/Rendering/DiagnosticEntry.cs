namespace Infra.Cli.Rendering;

/// <summary>One message for the <c>Diagnostics:</c> section, attached to a row (or to the stack when <see cref="Urn"/> is null).</summary>
/// <param name="Urn">The resource the message belongs to, or null for the stack.</param>
/// <param name="Severity">The JSON severity: <c>info</c>, <c>info#err</c>, <c>warning</c> or <c>error</c>.</param>
/// <param name="Message">The message (secrets already removed by the engine).</param>
internal sealed record DiagnosticEntry(string? Urn, string Severity, string Message)
{
    /// <summary>The message as displayed: warnings and errors are prefixed with their severity.</summary>
    public string DisplayText => Severity switch
    {
        "warning" => "warning: " + Message,
        "error" => "error: " + Message,
        _ => Message,
    };
}
