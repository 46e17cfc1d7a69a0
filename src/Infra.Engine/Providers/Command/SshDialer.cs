using System.Globalization;
using System.Net.Sockets;
using System.Text;
using Renci.SshNet;
using Renci.SshNet.Common;

namespace Infra.Engine.Providers.Command;

/// <summary>
/// Opens SSH connections with SSH.NET: key (with passphrase), password and/or ssh-agent authentication (see
/// <see cref="AgentMethod"/>), host key pinning,
/// an optional bastion (<c>proxy</c>, through a local port forward), and retries bounded by <c>dialErrorLimit</c>
/// with a per-dial timeout (<c>perDialTimeout</c>) and a growing pause between attempts (through the injected
/// <see cref="TimeProvider"/>), reported as progress while waiting. A host key mismatch is never retried.
/// </summary>
internal sealed class SshDialer
{
    private readonly TimeProvider _timeProvider;
    private readonly SshDialOptions _options;
    private readonly Func<string, string?> _environment;

    /// <summary>
    /// Creates a dialer; <paramref name="environment"/> (default: the process environment) supplies SSH_AUTH_SOCK for
    /// connections without key and password.
    /// </summary>
    public SshDialer(TimeProvider timeProvider, SshDialOptions? options = null, Func<string, string?>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _timeProvider = timeProvider;
        _options = options ?? SshDialOptions.Default;
        _environment = environment ?? Environment.GetEnvironmentVariable;
    }

    /// <summary>The variable naming the ssh-agent socket.</summary>
    public const string AgentSocketVariable = "SSH_AUTH_SOCK";

    /// <summary>The ssh-agent socket named by SSH_AUTH_SOCK in <paramref name="environment"/>, or null when unset or empty.</summary>
    public static string? EnvironmentAgentSocket(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return environment(AgentSocketVariable) is { } value && !string.IsNullOrWhiteSpace(value) ? value : null;
    }

    /// <summary>Connects to <paramref name="spec"/>, retrying failed dials as the connection allows.</summary>
    public async Task<SshConnection> ConnectAsync(ConnectionSpec spec, IProgress<string>? progress, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var limit = spec.DialErrorLimit;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await DialOnceAsync(spec, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (IsRetryable(exception) && !cancellationToken.IsCancellationRequested)
            {
                var reason = Describe(exception);
                if (limit >= 0 && attempt >= limit)
                {
                    throw new SshDialException(
                        string.Create(CultureInfo.InvariantCulture, $"Could not connect to {spec} over SSH after {attempt} attempt(s) (connection.dialErrorLimit is {limit}): {reason}"),
                        exception)
                    {
                        Attempts = attempt,
                    };
                }

                var delay = _options.BackoffAfter(attempt);
                var of = limit >= 0 ? string.Create(CultureInfo.InvariantCulture, $" of {limit}") : string.Empty;
                progress?.Report(string.Create(
                    CultureInfo.InvariantCulture,
                    $"waiting for SSH on {spec.Endpoint}: attempt {attempt}{of} failed ({reason}); retrying in {FormatDelay(delay)}"));
                await Task.Delay(delay, _timeProvider, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static bool IsRetryable(Exception exception) => exception switch
    {
        SshDialException => false,
        SshPassPhraseNullOrEmptyException => false,
        SocketException or SshConnectionException or SshOperationTimeoutException or SshAuthenticationException
            or ProxyException or TimeoutException or IOException or OperationCanceledException => true,
        SshException => true,
        _ => false,
    };

    private static string Describe(Exception exception) => exception switch
    {
        SocketException socket => socket.SocketErrorCode switch
        {
            SocketError.ConnectionRefused => "connection refused",
            SocketError.HostUnreachable or SocketError.NetworkUnreachable => "host unreachable",
            SocketError.TimedOut => "timed out",
            SocketError.HostNotFound or SocketError.NoData => "host name not found",
            _ => socket.Message,
        },
        SshAuthenticationException auth => "authentication failed: " + auth.Message,
        _ => exception.Message,
    };

    private static string FormatDelay(TimeSpan delay) =>
        delay.TotalSeconds >= 1
            ? delay.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture) + "s"
            : delay.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture) + "ms";

    private ConnectionInfo BuildInfo(ConnectionSpec spec, string host, int port)
    {
        var methods = new List<AuthenticationMethod>();
        if (spec.PrivateKey is { Length: > 0 } key)
        {
            methods.Add(new PrivateKeyAuthenticationMethod(spec.User, LoadKey(key, spec.PrivateKeyPassword)));
        }

        if (spec.Password is { } password)
        {
            methods.Add(new PasswordAuthenticationMethod(spec.User, password));
            var interactive = new KeyboardInteractiveAuthenticationMethod(spec.User);
            interactive.AuthenticationPrompt += (_, e) =>
            {
                foreach (var prompt in e.Prompts)
                {
                    prompt.Response = password;
                }
            };
            methods.Add(interactive);
        }

        if (AgentMethod(spec, hasOtherMethods: methods.Count > 0) is { } agent)
        {
            methods.Add(agent);
        }

        var info = new ConnectionInfo(host, port, spec.User, [.. methods])
        {
            Timeout = spec.PerDialTimeout > 0 ? TimeSpan.FromSeconds(spec.PerDialTimeout) : Timeout.InfiniteTimeSpan,
        };
        if (spec.HostKey is { } pinned && HostKeyPin.TryParse(pinned, out var pin) && pin!.KeyType is not null)
        {
            var unwanted = info.HostKeyAlgorithms.Keys.Where(a => !pin.Accepts(a)).ToList();
            if (unwanted.Count < info.HostKeyAlgorithms.Count)
            {
                foreach (var algorithm in unwanted)
                {
                    info.HostKeyAlgorithms.Remove(algorithm);
                }
            }
        }

        return info;
    }

    /// <summary>
    /// The ssh-agent authentication of <paramref name="spec"/>, or null. The socket is <c>agentSocketPath</c>, else
    /// (only when the connection has no key and no password) SSH_AUTH_SOCK. Without other methods, a missing socket,
    /// an unreachable agent or an agent without identities is a <see cref="SshDialException"/> naming the host, the
    /// socket and the reason; next to a key or password, an unusable agent is skipped.
    /// </summary>
    private PrivateKeyAuthenticationMethod? AgentMethod(ConnectionSpec spec, bool hasOtherMethods)
    {
        var (socket, source) = spec.AgentSocketPath is { } configured && !string.IsNullOrWhiteSpace(configured)
            ? (configured, "agentSocketPath")
            : (hasOtherMethods ? null : EnvironmentAgentSocket(_environment), AgentSocketVariable);
        if (socket is null)
        {
            return hasOtherMethods
                ? null
                : throw new SshDialException(
                    $"Cannot authenticate to {spec.Endpoint}: the connection has no privateKey or password and no ssh-agent socket " +
                    $"(agentSocketPath is unset and {AgentSocketVariable} is not set in the engine's environment).")
                {
                    Attempts = 1,
                };
        }

        var agent = new SshAgentClient(socket);
        string reason;
        try
        {
            var identities = agent.RequestIdentities();
            if (identities.Count > 0)
            {
                return new PrivateKeyAuthenticationMethod(spec.User, [.. identities.Select(i => new AgentKeySource(agent, i))]);
            }

            reason = "the agent holds no identities (add a key with ssh-add)";
        }
        catch (SshAgentException exception)
        {
            reason = exception.Message;
        }

        return hasOtherMethods
            ? null
            : throw new SshDialException($"Cannot authenticate to {spec.Endpoint} through the ssh-agent at {socket} (from {source}): {reason}.")
            {
                Attempts = 1,
            };
    }

    /// <summary>Loads a private key; exceptions never carry the key text.</summary>
    internal static PrivateKeyFile LoadKey(string key, string? passphrase)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(key.Replace("\r\n", "\n", StringComparison.Ordinal).Trim() + "\n"));
        return string.IsNullOrEmpty(passphrase) ? new PrivateKeyFile(stream) : new PrivateKeyFile(stream, passphrase);
    }

    private async Task<SshConnection> DialOnceAsync(ConnectionSpec spec, CancellationToken cancellationToken)
    {
        SshClient? proxyClient = null;
        ForwardedPortLocal? forward = null;
        SshClient? client = null;
        try
        {
            var host = spec.Host;
            var port = spec.Port;
            if (spec.Proxy is { } proxy)
            {
                proxyClient = new SshClient(BuildInfo(proxy, proxy.Host, proxy.Port));
                await ConnectPinnedAsync(proxyClient, proxy, cancellationToken).ConfigureAwait(false);
                forward = new ForwardedPortLocal("127.0.0.1", 0, spec.Host, (uint)spec.Port);
                proxyClient.AddForwardedPort(forward);
                forward.Start();
                host = "127.0.0.1";
                port = (int)forward.BoundPort;
            }

            client = new SshClient(BuildInfo(spec, host, port));
            await ConnectPinnedAsync(client, spec, cancellationToken).ConfigureAwait(false);
            var connection = new SshConnection(spec, client, proxyClient, forward, async ct =>
            {
                var sftp = new SftpClient(BuildInfo(spec, host, port));
                try
                {
                    await ConnectPinnedAsync(sftp, spec, ct).ConfigureAwait(false);
                    return sftp;
                }
                catch
                {
                    sftp.Dispose();
                    throw;
                }
            });
            client = null;
            proxyClient = null;
            forward = null;
            return connection;
        }
        catch (SshAgentException exception)
        {
            throw new SshDialException($"Could not authenticate to {spec} through the ssh-agent: {exception.Message}", exception) { Attempts = 1 };
        }
        finally
        {
            client?.Dispose();
            forward?.Dispose();
            proxyClient?.Dispose();
        }
    }

    private async Task ConnectPinnedAsync(BaseClient client, ConnectionSpec spec, CancellationToken cancellationToken)
    {
        HostKeyPin? pin = null;
        if (spec.HostKey is { } pinned && !HostKeyPin.TryParse(pinned, out pin))
        {
            throw new SshDialException($"connection.hostKey of {spec.Endpoint} is neither a public key line nor a SHA256 fingerprint.");
        }

        string? presented = null;
        string? presentedType = null;
        client.HostKeyReceived += (_, e) =>
        {
            var fingerprint = HostKeyPin.FingerprintOf(e.HostKey);
            if (pin is null || string.Equals(fingerprint, pin.Fingerprint, StringComparison.Ordinal))
            {
                e.CanTrust = true;
                return;
            }

            presented = fingerprint;
            presentedType = e.HostKeyName;
            e.CanTrust = false;
        };

        using var timeout = spec.PerDialTimeout > 0
            ? new CancellationTokenSource(TimeSpan.FromSeconds(spec.PerDialTimeout), _timeProvider)
            : new CancellationTokenSource();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            await client.ConnectAsync(linked.Token).ConfigureAwait(false);
        }
        catch (Exception) when (presented is not null)
        {
            throw new SshDialException(
                $"The host key of {spec.Endpoint} does not match connection.hostKey: expected {pin!.Fingerprint}, " +
                $"but the host presented {presentedType} {presented}. The connection was refused; if the host was " +
                "reinstalled, update connection.hostKey.")
            {
                IsHostKeyMismatch = true,
                Attempts = 1,
            };
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException(string.Create(
                CultureInfo.InvariantCulture,
                $"no SSH session with {spec.Endpoint} within connection.perDialTimeout ({spec.PerDialTimeout}s)"));
        }
    }
}
