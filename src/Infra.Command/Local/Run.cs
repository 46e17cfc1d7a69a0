namespace Infra.Command.Local;

/// <summary>
/// The <c>command:local:run</c> function: runs a command on every deployment (also in preview), unlike
/// <see cref="Command"/>, which runs only when its inputs change.
/// </summary>
public static class Run
{
    /// <summary>The function token.</summary>
    public const string Token = "command:local:run";

    /// <summary>Runs the command; the result is unknown in preview while an argument is unknown.</summary>
    public static Output<RunResult> Invoke(RunArgs args, InvokeOptions? options = null) =>
        Deployment.Invoke<RunResult>(Token, args, Pin(options));

    /// <summary>Runs the command and returns its plain result.</summary>
    public static Task<RunResult> InvokeAsync(RunArgs args, InvokeOptions? options = null) =>
        Deployment.InvokeAsync<RunResult>(Token, args, Pin(options));

    private static InvokeOptions Pin(InvokeOptions? options) => new()
    {
        Parent = options?.Parent,
        Provider = options?.Provider,
        Version = options?.Version ?? CommandPackage.Version,
        PluginDownloadUrl = options?.PluginDownloadUrl,
    };
}
