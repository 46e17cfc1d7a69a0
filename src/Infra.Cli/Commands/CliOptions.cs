using System.CommandLine;

namespace Infra.Cli.Commands;

/// <summary>Factories for the flags shared by several commands (each command gets its own instances).</summary>
internal static class CliOptions
{
    public static Option<string?> Stack() => new("--stack", "-s")
    {
        Description = "The name of the stack to operate on (defaults to the selected stack)",
        Recursive = true,
    };

    public static Option<string?> Cwd() => new("--cwd", "-C")
    {
        Description = "Run as if started in this directory",
        Recursive = true,
    };

    public static Option<bool> NonInteractive() => new("--non-interactive")
    {
        Description = "Disable prompts and the live progress table",
        Recursive = true,
    };

    public static Option<bool> Yes() => new("--yes", "-y") { Description = "Proceed without asking for confirmation" };

    public static Option<bool> ShowSecrets() => new("--show-secrets") { Description = "Show secret values in plaintext" };

    public static Option<bool> Json() => new("--json", "-j") { Description = "Print machine-readable JSON" };

    public static Option<bool> Diff() => new("--diff") { Description = "Show property-level differences" };

    public static Option<bool> SkipPreview() => new("--skip-preview") { Description = "Do not preview before performing the operation" };

    public static Option<bool> Refresh() => new("--refresh", "-r") { Description = "Refresh the state from the providers before planning" };

    public static Option<string[]> Target() => new("--target", "-t")
    {
        Description = "Limit the operation to this resource URN (repeatable)",
        Arity = ArgumentArity.OneOrMore,
        AllowMultipleArgumentsPerToken = false,
    };

    public static Option<int> Parallel(int defaultValue) => new("--parallel", "-p")
    {
        Description = "The number of resource operations to run in parallel",
        DefaultValueFactory = _ => defaultValue,
    };

    public static Option<bool> Path() => new("--path") { Description = "The key is a property path (e.g. 'db.port' or 'names[0]')" };
}
