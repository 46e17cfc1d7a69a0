namespace Infra.ProxmoxVE;

/// <summary>
/// An explicit proxmoxve provider (<c>pulumi:providers:proxmoxve</c>, version 8.x). Pass it as
/// <c>options.Provider</c>. The token shape, endpoint and TLS settings are validated here.
/// </summary>
public sealed class Provider : ProviderResource
{
    /// <summary>Registers the provider.</summary>
    /// <param name="name">The unique logical name.</param>
    /// <param name="args">The configuration.</param>
    /// <param name="options">The options.</param>
    /// <exception cref="ProxmoxVEValidationException">A known input breaks a rule (secret values are never shown).</exception>
    public Provider(string name, ProviderArgs? args = null, CustomResourceOptions? options = null)
        : base(ProxmoxVEPackage.Name, name, Validated(name, args ?? new ProviderArgs()), options, ProxmoxVEPackage.Version)
    {
    }

    private static ProviderArgs Validated(string name, ProviderArgs args)
    {
        var problems = new ArgsProblems();
        const string path = nameof(ProviderArgs);
        problems.CheckRule($"{path}.{nameof(args.Endpoint)}", args.Endpoint, ProxmoxRules.IsHttpUrl, "must be an http:// or https:// URL such as https://pve.lan:8006/");
        if (ArgsProblems.TryGet(args.ApiToken, out var token) && !ProxmoxRules.IsApiToken(token))
        {
            problems.AddSecret($"{path}.{nameof(args.ApiToken)}", ProxmoxRules.TokenShape);
        }

        if (args.Password is not null && args.Username is null)
        {
            problems.Add($"{path}.{nameof(args.Username)}", "is required when Password is set", null);
        }

        problems.CheckOneOf($"{path}.{nameof(args.MinTls)}", args.MinTls, "1.0", "1.1", "1.2", "1.3");
        problems.CheckRange($"{path}.{nameof(args.RandomVmIdStart)}", args.RandomVmIdStart, 100, 999_999_999);
        problems.CheckRange($"{path}.{nameof(args.RandomVmIdEnd)}", args.RandomVmIdEnd, 100, 999_999_999);
        if (ArgsProblems.TryGet(args.RandomVmIdStart, out var start) && ArgsProblems.TryGet(args.RandomVmIdEnd, out var end) && start > end)
        {
            problems.Add($"{path}.{nameof(args.RandomVmIdEnd)}", $"must not be below RandomVmIdStart ({start})", end);
        }

        var nodes = args.Ssh is null ? [] : ArgsProblems.Items(args.Ssh.Nodes);
        for (var i = 0; i < nodes.Length; i++)
        {
            problems.CheckNotEmpty($"{path}.Ssh.Nodes[{i}].Name", nodes[i].Name);
            problems.CheckNotEmpty($"{path}.Ssh.Nodes[{i}].Address", nodes[i].Address);
            problems.CheckRange($"{path}.Ssh.Nodes[{i}].Port", nodes[i].Port, 1, 65535);
        }

        problems.CheckOneOf($"{path}.Ssh.NodeAddressSource", args.Ssh?.NodeAddressSource, "api", "dns");
        problems.ThrowIfAny("pulumi:providers:" + ProxmoxVEPackage.Name, name);
        return args;
    }
}
