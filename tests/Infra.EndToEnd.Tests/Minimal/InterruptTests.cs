using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Infra.EndToEnd.Tests.Harness;

namespace Infra.EndToEnd.Tests.Minimal;

/// <summary>A real SIGINT sent to a real <c>infra up</c> process while a provider step is in flight.</summary>
public sealed class InterruptTests(SamplePrograms programs) : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "infra-e2e-runs", Guid.NewGuid().ToString("N"));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Up_SigintWhileCreating_FinishesTheStepSavesStateReleasesTheLockAndReRunConverges()
    {
        // Arrange: the Minimal program; the test provider takes 7 s per create (longer than any short grace period a signal handler might give), so site-settings is in flight
        // when the signal arrives and site-page (which depends on it) has not started.
        var project = Path.Combine(_root, "project");
        var backend = Path.Combine(_root, "state");
        Directory.CreateDirectory(project);
        Directory.CreateDirectory(backend);
        await File.WriteAllTextAsync(Path.Combine(project, "Pulumi.yaml"), $"""
            name: minimal
            runtime:
              name: dotnet
              options:
                binary: {programs.MinimalDll}
            """, Ct);
        var cli = new CliProcess(project, backend);
        await RunOkAsync(cli, "stack", "init", "dev");
        await RunOkAsync(cli, "config", "set", "--secret", "apiToken", "tok-interrupt-secret");
        await RunOkAsync(cli, "config", "set", "test:mutationDelayMs", "7000");

        // Act: start up, wait until the first create is in flight, send SIGINT
        using var up = cli.Start(["up", "--yes", "--skip-preview"], out var output);
        await WaitForAsync(output, "site-settings creating", up);
        SendSigint(up);
        await up.WaitForExitAsync(Ct).WaitAsync(TimeSpan.FromSeconds(60), Ct);
        up.WaitForExit();
        var text = Snapshot(output);

        // Assert: told, failed, the in-flight create finished and was saved, nothing pending, lock released
        Assert.NotEqual(0, up.ExitCode);
        Assert.Contains("Received SIGINT", text, StringComparison.Ordinal);
        var state = await ReadStateAsync(backend);
        var urns = Urns(state);
        Assert.Contains(MinimalUrns.Settings, urns);
        Assert.DoesNotContain(MinimalUrns.Page, urns);
        Assert.False(
            state.GetProperty("checkpoint").GetProperty("latest").TryGetProperty("pending_operations", out var pending) && pending.GetArrayLength() > 0,
            "pending operations left in state:\n" + text);
        Assert.Empty(LockFiles(backend));
        Assert.DoesNotContain("tok-interrupt-secret", text, StringComparison.Ordinal);

        // Act: run again without the delay
        await RunOkAsync(cli, "config", "rm", "test:mutationDelayMs");
        var (code, again) = await cli.RunAsync(["up", "--yes", "--skip-preview"], Ct);

        // Assert: converges with exactly the program's resources, settings not created twice
        Assert.True(code == 0, again);
        Assert.Equal(MinimalUrns.All.Order(StringComparer.Ordinal), Urns(await ReadStateAsync(backend)).Order(StringComparer.Ordinal));
        Assert.Contains("1 created", again, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static async Task RunOkAsync(CliProcess cli, params string[] args)
    {
        var (code, output) = await cli.RunAsync(args, Ct);
        Assert.True(code == 0, $"infra {string.Join(' ', args)} exited {code}:\n{output}");
    }

    private static async Task WaitForAsync(StringBuilder output, string text, Process process)
    {
        for (var i = 0; i < 1200; i++)
        {
            if (Snapshot(output).Contains(text, StringComparison.Ordinal))
            {
                return;
            }

            Assert.False(process.HasExited, $"infra exited before '{text}':\n{Snapshot(output)}");
            await Task.Delay(TimeSpan.FromMilliseconds(50), TimeProvider.System, Ct);
        }

        Assert.Fail($"'{text}' never appeared:\n{Snapshot(output)}");
    }

    private static void SendSigint(Process process)
    {
        using var kill = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
        Assert.Equal(0, kill.ExitCode);
    }

    private static string Snapshot(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }

    private static async Task<JsonElement> ReadStateAsync(string backend)
    {
        var path = Path.Combine(backend, ".pulumi", "stacks", "minimal", "dev.json");
        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(path, Ct));
        return document.RootElement.Clone();
    }

    private static string[] Urns(JsonElement state) =>
        [.. state.GetProperty("checkpoint").GetProperty("latest").GetProperty("resources").EnumerateArray().Select(r => r.GetProperty("urn").GetString()!)];

    private static string[] LockFiles(string backend)
    {
        var locks = Path.Combine(backend, ".pulumi", "locks");
        return Directory.Exists(locks) ? Directory.GetFiles(locks, "*", SearchOption.AllDirectories) : [];
    }
}
