using System.Reflection;
using Infra.TestSupport;

namespace Infra.EndToEnd.Tests.Harness;

/// <summary>
/// Copies <c>samples/Minimal</c> into a temporary directory (fixing its relative ProjectReference to
/// <c>src/Infra.Core</c>), adds a second program that throws after registering, and builds both once
/// with the engine's own build step. Tests then run the built DLLs (<c>runtime.options.binary</c>),
/// so each engine run costs no build.
/// </summary>
public sealed class SamplePrograms : IAsyncLifetime
{
    private const string ThrowingProgram = """
        using Infra;
        using Minimal;

        return await Deployment.RunAsync(Program);

        static void Program()
        {
            var site = new GreetingSite("site", "hello", null);
            throw new ResourceException("the site cannot be published: injected program failure", site);
        }
        """;

    public SamplePrograms()
    {
        Root = Path.Combine(Path.GetTempPath(), "infra-e2e", Guid.NewGuid().ToString("N"));
    }

    /// <summary>The temporary copy.</summary>
    public string Root { get; }

    /// <summary>The copied sample's folder.</summary>
    public string MinimalDirectory => Path.Combine(Root, "Minimal");

    /// <summary>The built Minimal program.</summary>
    public string MinimalDll => ScratchProgram.DllOf(Root, "Minimal");

    /// <summary>The built program that throws a <c>ResourceException</c> after registering the site component.</summary>
    public string ThrowingDll => ScratchProgram.DllOf(Root, "Throwing");

    /// <summary>The build output, kept for failure messages.</summary>
    public IReadOnlyList<string> BuildOutput { get; private set; } = [];

    /// <summary>The repository root, recorded at build time.</summary>
    public static string RepositoryRoot =>
        typeof(SamplePrograms).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!;

    /// <summary>
    /// Environment for builds: an artifacts folder of our own (<c>ArtifactsPath</c> becomes an MSBuild
    /// property), so the SDK projects the copies reference never build into the repository's folder.
    /// </summary>
    public IReadOnlyDictionary<string, string> BuildEnvironment => ScratchProgram.BuildEnvironment(Root);

    /// <inheritdoc/>
    public async ValueTask InitializeAsync()
    {
        var source = Path.Combine(RepositoryRoot, "samples", "Minimal");
        var minimal = Path.Combine(Root, "Minimal");
        CopyDirectory(source, minimal);
        var core = Path.Combine(RepositoryRoot, "src", "Infra.Core", "Infra.Core.csproj");
        var project = Path.Combine(minimal, "Minimal.csproj");
        var text = await File.ReadAllTextAsync(project).ConfigureAwait(false);
        await File.WriteAllTextAsync(project, text.Replace("../../src/Infra.Core/Infra.Core.csproj", core, StringComparison.Ordinal)).ConfigureAwait(false);
        await ScratchProgram.WriteBuildPropsAsync(Root).ConfigureAwait(false);
        var throwing = await ScratchProgram.WriteAsync(Root, "Throwing", ThrowingProgram, "../Minimal/Minimal.csproj").ConfigureAwait(false);
        var output = new List<string>();
        try
        {
            await ScratchProgram.BuildAsync(Root, throwing, output).ConfigureAwait(false);
        }
        finally
        {
            BuildOutput = output;
        }
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }

        return ValueTask.CompletedTask;
    }

    private static void CopyDirectory(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(source))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        foreach (var directory in Directory.EnumerateDirectories(source))
        {
            var name = Path.GetFileName(directory);
            if (name is not ("bin" or "obj"))
            {
                CopyDirectory(directory, Path.Combine(target, name));
            }
        }
    }
}
