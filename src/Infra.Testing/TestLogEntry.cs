namespace Infra.Testing;

/// <summary>A diagnostic the program sent to the engine.</summary>
/// <param name="Severity">debug, info, warning or error.</param>
/// <param name="Message">The text.</param>
/// <param name="Urn">The resource it is attached to, or empty.</param>
public sealed record TestLogEntry(string Severity, string Message, string Urn);
