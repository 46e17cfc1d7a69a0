using Infra.Protocol.Rpc;

namespace Infra;

/// <summary>Diagnostics shown by the engine, optionally attached to a resource. Never log secret values.</summary>
public static class Log
{
    /// <summary>Logs a debug message (shown with verbose output).</summary>
    /// <param name="message">The message.</param>
    /// <param name="resource">The resource it is about.</param>
    public static void Debug(string message, Resource? resource = null) => Send(LogSeverity.Debug, message, resource);

    /// <summary>Logs an informational message.</summary>
    /// <param name="message">The message.</param>
    /// <param name="resource">The resource it is about.</param>
    public static void Info(string message, Resource? resource = null) => Send(LogSeverity.Info, message, resource);

    /// <summary>Logs a warning.</summary>
    /// <param name="message">The message.</param>
    /// <param name="resource">The resource it is about.</param>
    public static void Warn(string message, Resource? resource = null) => Send(LogSeverity.Warning, message, resource);

    /// <summary>Logs an error; the program then exits non-zero even if nothing throws.</summary>
    /// <param name="message">The message.</param>
    /// <param name="resource">The resource it is about.</param>
    public static void Error(string message, Resource? resource = null) => Send(LogSeverity.Error, message, resource);

    private static void Send(LogSeverity severity, string message, Resource? resource)
    {
        ArgumentNullException.ThrowIfNull(message);
        var deployment = Deployment.Current;
        deployment.Runner.Track("log", deployment.Logger.LogAsync(severity, message, resource?.ComputedUrn ?? string.Empty));
    }
}
