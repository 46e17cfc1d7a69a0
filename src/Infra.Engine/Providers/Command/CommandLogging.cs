namespace Infra.Engine.Providers.Command;

/// <summary>What a command's output is reported as progress (<c>logging</c>; the default is both streams).</summary>
internal enum CommandLogging
{
    StdoutAndStderr,
    Stdout,
    Stderr,
    None,
}
