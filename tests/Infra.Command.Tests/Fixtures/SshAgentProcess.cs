using System.Diagnostics;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace Infra.Command.Tests.Fixtures;

/// <summary>
/// A real OpenSSH agent for a test class: <c>ssh-agent -D -a &lt;socket&gt;</c> in the foreground, loaded with
/// <c>ssh-add</c> from the given key files (none = an empty agent). Disposing stops it and removes the socket.
/// </summary>
public sealed class SshAgentProcess : IAsyncDisposable
{
    private readonly Process _process;

    private SshAgentProcess(Process process, string socketPath)
    {
        _process = process;
        SocketPath = socketPath;
    }

    /// <summary>The agent's unix socket.</summary>
    public string SocketPath { get; }

    /// <summary>Starts an agent with its socket in <paramref name="directory"/> and adds <paramref name="keyFiles"/>.</summary>
    public static async Task<SshAgentProcess> StartAsync(string directory, params string[] keyFiles)
    {
        var socket = Path.Combine(directory, "agent-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4)) + ".sock");
        var start = new ProcessStartInfo("ssh-agent") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-D", "-a", socket })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("ssh-agent did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var agent = new SshAgentProcess(process, socket);
        try
        {
            await WaitUntilListeningAsync(process, socket);
            foreach (var key in keyFiles)
            {
                await agent.AddAsync(key);
            }

            return agent;
        }
        catch
        {
            await agent.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        catch (InvalidOperationException)
        {
        }

        _process.Dispose();
        File.Delete(SocketPath);
    }

    /// <summary>Waits until the agent accepts connections (the socket file appears before the agent listens).</summary>
    private static async Task WaitUntilListeningAsync(Process process, string socket)
    {
        for (var i = 0; i < 100; i++)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"ssh-agent exited with code {process.ExitCode}");
            }

            try
            {
                using var probe = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                await probe.ConnectAsync(new UnixDomainSocketEndPoint(socket));
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50), TimeProvider.System);
            }
        }

        throw new TimeoutException($"ssh-agent did not listen on {socket}");
    }

    private async Task AddAsync(string keyFile)
    {
        var start = new ProcessStartInfo("ssh-add") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["SSH_AUTH_SOCK"] = SocketPath;
        start.ArgumentList.Add(keyFile);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("ssh-add did not start");
        var output = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"ssh-add {keyFile} failed with {process.ExitCode}: {(await output).Trim()}");
        }
    }
}
