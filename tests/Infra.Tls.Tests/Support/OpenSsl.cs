using System.Diagnostics;

namespace Infra.Tls.Tests.Support;

/// <summary>
/// Runs the real <c>openssl</c> (and <c>ssh-keygen</c>) binaries on files in a temporary directory. Tests
/// call <see cref="RequireOpenSsl"/> first: without the binary they report skipped with the reason.
/// </summary>
internal sealed class OpenSsl : IDisposable
{
    private static readonly Lazy<string?> OpenSslPath = new(() => Find("openssl"));
    private static readonly Lazy<string?> SshKeygenPath = new(() => Find("ssh-keygen"));

    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "infra-tls-tests", Guid.NewGuid().ToString("N"));

    public OpenSsl()
    {
        System.IO.Directory.CreateDirectory(Directory);
    }

    /// <summary>Skips the calling test when openssl is not installed.</summary>
    public static void RequireOpenSsl()
    {
        if (OpenSslPath.Value is null)
        {
            Assert.Skip("openssl is not installed (scripts/test installs it); the tls tests verify every certificate with it");
        }
    }

    /// <summary>Skips the calling test when ssh-keygen is not installed.</summary>
    public static void RequireSshKeygen()
    {
        if (SshKeygenPath.Value is null)
        {
            Assert.Skip("ssh-keygen is not installed; it verifies the OpenSSH key encodings");
        }
    }

    /// <summary>Writes <paramref name="content"/> to a file in the directory and returns its path.</summary>
    public string Write(string name, string content)
    {
        var path = Path.Combine(Directory, name);
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>Writes a private key file readable only by the owner (ssh-keygen refuses others).</summary>
    public string WritePrivate(string name, string content)
    {
        var path = Write(name, content);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return path;
    }

    /// <summary>Runs openssl in the directory and returns its exit code and output.</summary>
    public Task<(int ExitCode, string StdOut, string StdErr)> RunAsync(params string[] arguments) =>
        RunProcessAsync(OpenSslPath.Value!, Directory, arguments);

    /// <summary>Runs openssl and fails the test when it exits non-zero; returns stdout.</summary>
    public async Task<string> RunOkAsync(params string[] arguments)
    {
        var (code, stdout, stderr) = await RunAsync(arguments);
        Assert.True(code == 0, $"openssl {string.Join(' ', arguments)} exited {code}: {stderr}{stdout}");
        return stdout;
    }

    /// <summary>Runs ssh-keygen and fails the test when it exits non-zero; returns stdout.</summary>
    public async Task<string> SshKeygenOkAsync(params string[] arguments)
    {
        var (code, stdout, stderr) = await RunProcessAsync(SshKeygenPath.Value!, Directory, arguments);
        Assert.True(code == 0, $"ssh-keygen {string.Join(' ', arguments)} exited {code}: {stderr}{stdout}");
        return stdout;
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static async Task<(int, string, string)> RunProcessAsync(string file, string workingDirectory, string[] arguments)
    {
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await stdout, await stderr);
    }

    private static string? Find(string name)
    {
        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator))
        {
            var candidate = Path.Combine(directory, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
