namespace Infra.TestSupport;

/// <summary>
/// A small Infra program written to and built in its own temporary folder (see <see cref="ScratchProgram"/>);
/// disposing it deletes the folder. Test fixtures build one once and run its DLL through the engine.
/// </summary>
public sealed class BuiltProgram : IDisposable
{
    private BuiltProgram(string root, string dll, IReadOnlyList<string> buildOutput)
    {
        Root = root;
        Dll = dll;
        BuildOutput = buildOutput;
    }

    /// <summary>The temporary folder.</summary>
    public string Root { get; }

    /// <summary>The built program.</summary>
    public string Dll { get; }

    /// <summary>What the build printed, for failure messages.</summary>
    public IReadOnlyList<string> BuildOutput { get; }

    /// <summary>
    /// Writes <c>&lt;name&gt;</c> (an executable with <paramref name="programSource"/> referencing <paramref name="references"/>)
    /// into a new folder under the temporary directory's <paramref name="folder"/> and builds it.
    /// </summary>
    public static async Task<BuiltProgram> BuildAsync(string folder, string name, string programSource, params string[] references)
    {
        var root = Path.Combine(Path.GetTempPath(), folder, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        await ScratchProgram.WriteBuildPropsAsync(root).ConfigureAwait(false);
        var project = await ScratchProgram.WriteAsync(root, name, programSource, references).ConfigureAwait(false);
        var output = new List<string>();
        await ScratchProgram.BuildAsync(root, project, output).ConfigureAwait(false);
        return new BuiltProgram(root, ScratchProgram.DllOf(root, name), output);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
