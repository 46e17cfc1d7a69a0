namespace Infra.Cli.Hosting;

/// <summary>The process exit codes of <c>infra</c>.</summary>
internal static class ExitCodes
{
    /// <summary>The command did what was asked.</summary>
    public const int Success = 0;

    /// <summary>The command failed (a failed deployment, a locked stack, a wrong passphrase, ...).</summary>
    public const int Failure = 1;

    /// <summary>The command line was wrong: an unknown flag, a bad value, a missing argument or confirmation.</summary>
    public const int Usage = 2;
}
