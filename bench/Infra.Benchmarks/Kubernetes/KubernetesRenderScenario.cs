using System.Diagnostics;
using System.Globalization;
using Infra.Engine.Deployments;
using Infra.Engine.Planning;
using Infra.Engine.Programs;
using Infra.Engine.Projects;
using Infra.Engine.Providers;
using Infra.Engine.Providers.Kubernetes;
using Infra.Engine.State;

namespace Infra.Benchmarks.Kubernetes;

/// <summary>
/// Scenario <c>k8s-render [count]</c> (issue 5, goal ≤ 5 s for 1,000 objects): <c>infra up</c> of a generated program
/// that declares <c>count</c> typed Infra.Kubernetes objects (Namespace, ConfigMaps, Deployments, Services) through an
/// explicit provider with <c>renderYamlToDirectory</c>, end to end through <see cref="DeploymentEngine"/> with the
/// built-in <see cref="KubernetesProvider"/> (no cluster). The program is built once before the measurement and run
/// as a pre-built binary. A second up of the same program into a fresh stack and directory checks the bytes match; the
/// provider's own share (Check + Create called directly) is printed too.
/// </summary>
public static class KubernetesRenderScenario
{
    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000;
        var repository = FindRepositoryRoot();
        var root = Path.Combine(Path.GetTempPath(), "infra-bench-k8s", Guid.NewGuid().ToString("N"));
        try
        {
            var build = Stopwatch.StartNew();
            var dll = await BuildProgramAsync(repository, root);
            build.Stop();

            var first = Path.Combine(root, "render-1");
            var (elapsed, peak) = await Scenario.MeasureAsync(() => UpAsync(root, dll, "dev", first, count));
            var files = Directory.GetFiles(first, "*.yaml", SearchOption.AllDirectories);

            var providerOnly = await KubernetesRenderProviderOnly.RunAsync(Path.Combine(root, "render-provider"), count);

            var second = Path.Combine(root, "render-2");
            await UpAsync(root, dll, "again", second, count);
            var identical = files.All(f => File.ReadAllBytes(f).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(second, Path.GetRelativePath(first, f)))))
                && Directory.GetFiles(second, "*.yaml", SearchOption.AllDirectories).Length == files.Length;

            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"k8s-render: up of {count} objects in render mode end to end in {elapsed.TotalMilliseconds:F0} ms ({elapsed.TotalMilliseconds / count:F2} ms per object; goal ≤ 5000 ms), " +
                $"{files.Length} manifests written, second run byte-identical: {(identical ? "yes" : "NO")}, peak working set {peak / (1024.0 * 1024.0):F0} MB; " +
                $"the provider's own Check+Create of {count} objects without engine and program: {providerOnly.TotalMilliseconds:F0} ms " +
                $"(program build beforehand {build.Elapsed.TotalSeconds:F1} s, not measured), {Environment.ProcessorCount} cores"));
            return files.Length == count && identical ? 0 : 1;
        }
        finally
        {
            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static async Task<string> BuildProgramAsync(string repository, string root)
    {
        var program = Path.Combine(root, "K8sRender");
        Directory.CreateDirectory(program);
        var kubernetes = Path.Combine(repository, "src", "Infra.Kubernetes", "Infra.Kubernetes.csproj");
        await File.WriteAllTextAsync(Path.Combine(program, "K8sRender.csproj"), KubernetesRenderProgramSource.Project.Replace("KUBERNETES_PROJECT", kubernetes, StringComparison.Ordinal));
        await File.WriteAllTextAsync(Path.Combine(program, "Program.cs"), KubernetesRenderProgramSource.Program);
        var artifacts = Path.Combine(root, "artifacts");
        var output = new List<string>();
        var command = new ProgramCommand { ProgramDirectory = program, ProjectPath = Path.Combine(program, "K8sRender.csproj") };
        try
        {
            await ProgramLauncher.BuildAsync(
                command,
                new Dictionary<string, string> { ["ArtifactsPath"] = artifacts, ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1", ["DOTNET_NOLOGO"] = "1" },
                (line, _) =>
                {
                    lock (output)
                    {
                        output.Add(line);
                    }

                    return ValueTask.CompletedTask;
                });
        }
        catch (Exception ex) when (ex is ProgramBuildException or InvalidOperationException)
        {
            throw new InvalidOperationException("Building the generated k8s-render program failed:" + Environment.NewLine + string.Join(Environment.NewLine, output.TakeLast(30)), ex);
        }

        return Path.Combine(artifacts, "bin", "K8sRender", "debug", "K8sRender.dll");
    }

    private static async Task UpAsync(string root, string dll, string stackName, string renderDirectory, int count)
    {
        var workspace = Path.Combine(root, "workspace-" + stackName);
        Directory.CreateDirectory(workspace);
        await File.WriteAllTextAsync(Path.Combine(workspace, "Pulumi.yaml"), $"""
            name: k8srender
            runtime:
              name: dotnet
              options:
                binary: {dll}
            """);
        var backend = new LocalBackend(Path.Combine(workspace, "state"), new LocalBackendOptions { SaveCoalescingDelay = LocalBackendOptions.DefaultSaveCoalescingDelay });
        var stack = new Infra.Engine.State.StackReference("k8srender", stackName);
        await backend.CreateStackAsync(stack, secretsProvider: null);
        var request = new OperationRequest
        {
            Kind = OperationKind.Update,
            Project = await ProjectLoader.LoadAsync(Path.Combine(workspace, "Pulumi.yaml")),
            Stack = stack,
            Backend = backend,
            StackSettings = new StackSettingsFile(),
            BuiltInProviders = new Dictionary<string, ProviderFactory> { [KubernetesProvider.PackageName] = new KubernetesProvider(TimeProvider.System).Factory },
            ProgramEnvironment = new Dictionary<string, string>
            {
                [KubernetesRenderProgramSource.CountVariable] = count.ToString(CultureInfo.InvariantCulture),
                [KubernetesRenderProgramSource.DirectoryVariable] = renderDirectory,
            },
        };
        var result = await new DeploymentEngine().RunAsync(request, new NullOperationObserver());
        if (!result.Succeeded || result.Counts.GetValueOrDefault(StepKind.Create) < count)
        {
            throw new InvalidOperationException("The k8s-render up failed: " + string.Join(Environment.NewLine, result.Failures));
        }
    }

    private static string FindRepositoryRoot()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory, Path.GetDirectoryName(typeof(KubernetesRenderScenario).Assembly.Location)! })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "Infra.sln")) && Directory.Exists(Path.Combine(directory.FullName, "src", "Infra.Kubernetes")))
                {
                    return directory.FullName;
                }
            }
        }

        throw new InvalidOperationException("k8s-render needs the repository (src/Infra.Kubernetes); run it from inside the repository.");
    }
}
