using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace Infra.Command.Tests.Fixtures;

/// <summary>
/// Real OpenSSH servers for the tests. As root: installs openssh-server with apt-get when missing, generates host and
/// client keys with ssh-keygen (one client key passphrase-protected), sets a random root password with chpasswd, and
/// starts <c>/usr/sbin/sshd -D</c> on 127.0.0.1 and a random free port with its own config (PidFile,
/// AuthorizedKeysFile, PasswordAuthentication yes, UsePAM no, StrictModes no, internal-sftp). It also creates a
/// network namespace joined by a veth pair (10.77.N.1 here, 10.77.N.2 there; unique names per run) and runs a second
/// sshd (own host key) inside it on port 22, so a second "host" has its own address; 10.77.N.3 is unreachable.
/// A third sshd on 127.0.0.1 (<see cref="RsaSha256Port"/>) accepts only <c>rsa-sha2-256</c> public-key signatures, for
/// the RSA client key (<see cref="RsaClientKeyPath"/>) handed to ssh-agent in the agent tests (with the ed25519 and ECDSA
/// client keys).
/// Everything is stopped and removed on dispose. Without root (or sshd) <see cref="SkipReason"/> says why.
/// </summary>
public sealed class SshdFixture : IAsyncLifetime
{
    private readonly List<Process> _servers = [];
    private string? _namespace;
    private string? _hostVeth;

    public SshdFixture()
    {
        Directory = Path.Combine(Path.GetTempPath(), "infra-sshd-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4)));
    }

    /// <summary>The fixture's temporary folder (keys, configs, logs).</summary>
    public string Directory { get; }

    /// <summary>Why sshd is not available, or null when it is.</summary>
    public string? SkipReason { get; private set; }

    /// <summary>Why the second host (network namespace) is not available, or null when it is.</summary>
    public string? NamespaceSkipReason { get; private set; }

    public string Host { get; } = "127.0.0.1";

    public int Port { get; private set; }

    /// <summary>The port of the sshd on 127.0.0.1 that accepts only rsa-sha2-256 public-key signatures.</summary>
    public int RsaSha256Port { get; private set; }

    /// <summary>The file of the unencrypted ed25519 client key (comment <c>client</c>).</summary>
    public string ClientKeyPath => Path.Combine(Directory, "client");

    /// <summary>The file of the unencrypted ECDSA P-256 client key (comment <c>client-ecdsa</c>).</summary>
    public string EcdsaClientKeyPath => Path.Combine(Directory, "client-ecdsa");

    /// <summary>The file of the unencrypted RSA client key (comment <c>client-rsa</c>).</summary>
    public string RsaClientKeyPath => Path.Combine(Directory, "client-rsa");

    public string User { get; } = "root";

    public string Password { get; } = "pw-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    public string Passphrase { get; } = "pp-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    /// <summary>The unencrypted client key (OpenSSH format).</summary>
    public string PrivateKey { get; private set; } = string.Empty;

    /// <summary>The client key encrypted with <see cref="Passphrase"/>.</summary>
    public string EncryptedPrivateKey { get; private set; } = string.Empty;

    /// <summary>The public host key line of the sshd on 127.0.0.1.</summary>
    public string HostKey { get; private set; } = string.Empty;

    /// <summary>The second host's address (inside the network namespace).</summary>
    public string SecondHost { get; private set; } = string.Empty;

    /// <summary>The public host key line of the second host.</summary>
    public string SecondHostKey { get; private set; } = string.Empty;

    /// <summary>An address in the namespace's subnet that nobody answers.</summary>
    public string UnreachableHost { get; private set; } = string.Empty;

    /// <summary>Skips the calling test when no sshd is available.</summary>
    public void RequireSshd()
    {
        if (SkipReason is not null)
        {
            Assert.Skip(SkipReason);
        }
    }

    /// <summary>Skips the calling test when the second host is not available.</summary>
    public void RequireSecondHost()
    {
        RequireSshd();
        if (NamespaceSkipReason is not null)
        {
            Assert.Skip(NamespaceSkipReason);
        }
    }

    /// <summary>A port on 127.0.0.1 nobody listens on.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask InitializeAsync()
    {
        if (!OperatingSystem.IsLinux() || Environment.UserName != "root")
        {
            SkipReason = "a real sshd needs Linux and root (scripts/test runs as root)";
            return;
        }

        try
        {
            if (!File.Exists("/usr/sbin/sshd"))
            {
                var install = await RunAsync("apt-get", ["install", "-y", "-q", "openssh-server"], allowFailure: true);
                if (!File.Exists("/usr/sbin/sshd"))
                {
                    await RunAsync("apt-get", ["update", "-q"], allowFailure: true);
                    install = await RunAsync("apt-get", ["install", "-y", "-q", "openssh-server"], allowFailure: true);
                }

                if (!File.Exists("/usr/sbin/sshd"))
                {
                    SkipReason = "openssh-server could not be installed: " + install;
                    return;
                }
            }

            System.IO.Directory.CreateDirectory(Directory);
            System.IO.Directory.CreateDirectory("/run/sshd");
            await KeygenAsync("host1", string.Empty);
            await KeygenAsync("host2", string.Empty);
            await KeygenAsync("client", string.Empty);
            await KeygenAsync("client-enc", Passphrase);
            await RunAsync("ssh-keygen", ["-q", "-t", "rsa", "-b", "2048", "-N", string.Empty, "-C", "client-rsa", "-f", RsaClientKeyPath]);
            await RunAsync("ssh-keygen", ["-q", "-t", "ecdsa", "-b", "256", "-N", string.Empty, "-C", "client-ecdsa", "-f", EcdsaClientKeyPath]);
            PrivateKey = await File.ReadAllTextAsync(Path.Combine(Directory, "client"));
            EncryptedPrivateKey = await File.ReadAllTextAsync(Path.Combine(Directory, "client-enc"));
            HostKey = (await File.ReadAllTextAsync(Path.Combine(Directory, "host1.pub"))).Trim();
            SecondHostKey = (await File.ReadAllTextAsync(Path.Combine(Directory, "host2.pub"))).Trim();
            await File.WriteAllTextAsync(
                Path.Combine(Directory, "authorized_keys"),
                await File.ReadAllTextAsync(Path.Combine(Directory, "client.pub"))
                    + await File.ReadAllTextAsync(Path.Combine(Directory, "client-enc.pub"))
                    + await File.ReadAllTextAsync(RsaClientKeyPath + ".pub")
                    + await File.ReadAllTextAsync(EcdsaClientKeyPath + ".pub"));
            await RunAsync("sh", ["-c", $"echo 'root:{Password}' | chpasswd"]);

            Port = FreePort();
            await File.WriteAllTextAsync(Path.Combine(Directory, "sshd1.conf"), Config("host1", "sshd1.pid", Host));
            await StartAsync([], Path.Combine(Directory, "sshd1.conf"), Port, Host);
            RsaSha256Port = FreePort();
            await File.WriteAllTextAsync(Path.Combine(Directory, "sshd3.conf"), Config("host1", "sshd3.pid", Host) + "PubkeyAcceptedAlgorithms rsa-sha2-256\n");
            await StartAsync([], Path.Combine(Directory, "sshd3.conf"), RsaSha256Port, Host);
        }
        catch (Exception exception) when (exception is InvalidOperationException or IOException or System.ComponentModel.Win32Exception or TimeoutException)
        {
            SkipReason = "sshd could not be started: " + exception.Message;
            return;
        }

        try
        {
            var suffix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3));
            var subnet = RandomNumberGenerator.GetInt32(0, 250);
            _namespace = "infra-" + suffix;
            _hostVeth = "ivh" + suffix;
            var nsVeth = "ivn" + suffix;
            await RunAsync("ip", ["netns", "add", _namespace]);
            await RunAsync("ip", ["link", "add", _hostVeth, "type", "veth", "peer", "name", nsVeth]);
            await RunAsync("ip", ["link", "set", nsVeth, "netns", _namespace]);
            await RunAsync("ip", ["addr", "add", $"10.77.{subnet}.1/24", "dev", _hostVeth]);
            await RunAsync("ip", ["link", "set", _hostVeth, "up"]);
            await RunAsync("ip", ["netns", "exec", _namespace, "ip", "addr", "add", $"10.77.{subnet}.2/24", "dev", nsVeth]);
            await RunAsync("ip", ["netns", "exec", _namespace, "ip", "link", "set", nsVeth, "up"]);
            await RunAsync("ip", ["netns", "exec", _namespace, "ip", "link", "set", "lo", "up"]);
            SecondHost = $"10.77.{subnet}.2";
            UnreachableHost = $"10.77.{subnet}.3";
            await File.WriteAllTextAsync(Path.Combine(Directory, "sshd2.conf"), Config("host2", "sshd2.pid", SecondHost));
            await StartAsync(["netns", "exec", _namespace], Path.Combine(Directory, "sshd2.conf"), 22, SecondHost);
        }
        catch (Exception exception) when (exception is InvalidOperationException or IOException or System.ComponentModel.Win32Exception or TimeoutException)
        {
            NamespaceSkipReason = "the network namespace host could not be set up: " + exception.Message;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var server in _servers)
        {
            try
            {
                server.Kill(entireProcessTree: true);
                await server.WaitForExitAsync();
            }
            catch (InvalidOperationException)
            {
            }

            server.Dispose();
        }

        if (_namespace is not null)
        {
            await RunAsync("ip", ["netns", "del", _namespace], allowFailure: true);
        }

        if (_hostVeth is not null)
        {
            await RunAsync("ip", ["link", "del", _hostVeth], allowFailure: true);
        }

        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private string Config(string hostKey, string pidFile, string listen) => $"""
        ListenAddress {listen}
        HostKey {Path.Combine(Directory, hostKey)}
        PidFile {Path.Combine(Directory, pidFile)}
        AuthorizedKeysFile {Path.Combine(Directory, "authorized_keys")}
        PermitRootLogin yes
        PubkeyAuthentication yes
        PasswordAuthentication yes
        KbdInteractiveAuthentication no
        UsePAM no
        StrictModes no
        MaxStartups 100
        Subsystem sftp internal-sftp
        LogLevel VERBOSE

        """;

    private async Task StartAsync(string[] prefix, string config, int port, string host)
    {
        var start = new ProcessStartInfo(prefix.Length == 0 ? "/usr/sbin/sshd" : "ip")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in prefix.Length == 0 ? [] : prefix.Append("/usr/sbin/sshd"))
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var argument in new[] { "-D", "-e", "-f", config, "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("sshd did not start");
        _servers.Add(process);
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        for (var i = 0; i < 100; i++)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"sshd exited with code {process.ExitCode} (config {config})");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(host, port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), TimeProvider.System);
            }
        }

        throw new TimeoutException($"sshd did not listen on {host}:{port}");
    }

    private Task KeygenAsync(string name, string passphrase) =>
        RunAsync("ssh-keygen", ["-q", "-t", "ed25519", "-N", passphrase, "-C", name, "-f", Path.Combine(Directory, name)]);

    private static async Task<string> RunAsync(string program, string[] arguments, bool allowFailure = false)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var output = (await stdout + await stderr).Trim();
        if (process.ExitCode != 0 && !allowFailure)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments.Where(a => !a.StartsWith("pp-", StringComparison.Ordinal)))} failed with {process.ExitCode}: {output}");
        }

        return output;
    }
}
