using Infra.Cli.Hosting;
using Infra.Engine.Projects;

namespace Infra.Cli.Workspace;

/// <summary>
/// Where the local backend lives: <c>PULUMI_BACKEND_URL</c> when set, else <c>backend.url</c> of the
/// project file, else the project root (its <c>.pulumi/</c> folder). Only <c>file://</c> URLs are supported;
/// <c>file://~</c> is the home directory; relative paths are resolved against the working directory
/// (environment) or the project root (project file).
/// </summary>
internal static class BackendLocator
{
    /// <summary>The environment variable naming the backend.</summary>
    public const string BackendUrlVariable = "PULUMI_BACKEND_URL";

    /// <summary>The directory that holds (or will hold) <c>.pulumi/</c>.</summary>
    /// <exception cref="UsageException">The URL is not a <c>file://</c> URL.</exception>
    public static string ResolveRoot(IReadOnlyDictionary<string, string> environment, ProjectFile project, string workingDirectory)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(project);
        if (environment.TryGetValue(BackendUrlVariable, out var url) && !string.IsNullOrWhiteSpace(url))
        {
            return FromUrl(url, workingDirectory, BackendUrlVariable, environment);
        }

        if (!string.IsNullOrWhiteSpace(project.BackendUrl))
        {
            return FromUrl(project.BackendUrl, project.RootDirectory, $"backend.url in {Path.GetFileName(project.FilePath)}", environment);
        }

        return project.RootDirectory;
    }

    private static string FromUrl(string url, string baseDirectory, string source, IReadOnlyDictionary<string, string> environment)
    {
        const string Scheme = "file://";
        if (!url.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            throw new UsageException($"{source}: only local backends (file://<path>) are supported by infra (was '{url}')");
        }

        var path = url[Scheme.Length..];
        if (path.Length == 0)
        {
            throw new UsageException($"{source}: the file:// URL has no path (was '{url}')");
        }

        if (path == "~" || path.StartsWith("~/", StringComparison.Ordinal))
        {
            var home = environment.TryGetValue("HOME", out var h) && h.Length > 0
                ? h
                : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            path = path.Length == 1 ? home : Path.Combine(home, path[2..]);
        }

        return Path.GetFullPath(path, baseDirectory);
    }
}
