using System.Globalization;
using Infra.Protocol;

namespace Infra.Engine.Programs;

/// <summary>How the program ended, interpreted as the language host does (pulumi-protocol.md §1.5).</summary>
internal sealed record ProgramExit(int ExitCode)
{
    /// <summary>Exit code 0: the program finished every registration.</summary>
    public bool Succeeded => ExitCode == 0;

    /// <summary>Exit code 32: the program failed and already reported the error through the engine log.</summary>
    public bool ErrorAlreadyReported => ExitCode == WireConstants.ExitCodeErrorReported;

    /// <summary>The error to show, or null when there is nothing to add (0 and 32).</summary>
    public string? Error => Succeeded || ErrorAlreadyReported
        ? null
        : string.Create(CultureInfo.InvariantCulture, $"Program exited with non-zero exit code: {ExitCode}");
}
