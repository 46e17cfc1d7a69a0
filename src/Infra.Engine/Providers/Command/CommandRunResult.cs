namespace Infra.Engine.Providers.Command;

/// <summary>What one run of a command produced (plaintext; the provider decides what is secret).</summary>
internal sealed record CommandRunResult(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>Whether the command succeeded.</summary>
    public bool Succeeded => ExitCode == 0;

    /// <summary>A plaintext-free summary: only the exit code and sizes.</summary>
    public override string ToString() => $"exit code {ExitCode}, {Stdout.Length} chars stdout, {Stderr.Length} chars stderr";
}
