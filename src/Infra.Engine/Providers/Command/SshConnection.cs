using System.Text;
using Renci.SshNet;

namespace Infra.Engine.Providers.Command;

/// <summary>An open SSH connection (through its bastion, when one is used): runs commands and opens SFTP sessions.</summary>
internal sealed class SshConnection : IDisposable
{
    private readonly SshClient _client;
    private readonly SshClient? _proxyClient;
    private readonly ForwardedPortLocal? _forward;
    private readonly Func<CancellationToken, Task<SftpClient>> _openSftp;

    public SshConnection(
        ConnectionSpec spec,
        SshClient client,
        SshClient? proxyClient,
        ForwardedPortLocal? forward,
        Func<CancellationToken, Task<SftpClient>> openSftp)
    {
        Spec = spec;
        _client = client;
        _proxyClient = proxyClient;
        _forward = forward;
        _openSftp = openSftp;
    }

    /// <summary>What this connection was made for.</summary>
    public ConnectionSpec Spec { get; }

    /// <summary>
    /// Runs <paramref name="commandText"/> through the remote user's shell. The environment is applied as
    /// <c>export</c> statements in front of the command (so it does not depend on sshd's AcceptEnv).
    /// </summary>
    public async Task<CommandRunResult> RunAsync(
        string commandText,
        IReadOnlyDictionary<string, string> environment,
        string? stdin,
        CancellationToken cancellationToken = default)
    {
        var script = new StringBuilder();
        foreach (var (name, value) in environment)
        {
            script.Append("export ").Append(name).Append('=').Append(ShellQuote(value)).Append('\n');
        }

        script.Append(commandText);
        using var command = _client.CreateCommand(script.ToString());
        var execution = command.ExecuteAsync(cancellationToken);
        if (stdin is not null)
        {
            using var input = command.CreateInputStream();
            var bytes = Encoding.UTF8.GetBytes(stdin);
            await input.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
        }

        await execution.ConfigureAwait(false);
        var exit = command.ExitStatus ?? (command.ExitSignal is null ? -1 : 128);
        return new CommandRunResult(exit, command.Result, command.Error);
    }

    /// <summary>Opens an SFTP session to the same host (through the same bastion).</summary>
    public Task<SftpClient> OpenSftpAsync(CancellationToken cancellationToken = default) => _openSftp(cancellationToken);

    /// <inheritdoc/>
    public void Dispose()
    {
        _client.Dispose();
        _forward?.Dispose();
        _proxyClient?.Dispose();
    }

    /// <summary>Quotes a value for a POSIX shell.</summary>
    public static string ShellQuote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
