namespace Infra.Engine.Deployments.Events;

/// <summary>Severity of a diagnostic (program logs, engine warnings).</summary>
internal enum DiagnosticSeverity
{
    Debug,
    Info,
    Warning,
    Error,
}
