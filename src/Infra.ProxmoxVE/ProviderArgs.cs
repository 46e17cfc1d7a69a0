namespace Infra.ProxmoxVE;

/// <summary>Configuration of the proxmoxve provider (the same names can be set under <c>proxmoxve:</c> in stack config).</summary>
public sealed partial class ProviderArgs : ResourceArgs
{
    private Input<string>? _apiToken;
    private Input<string>? _password;
    private Input<string>? _authTicket;
    private Input<string>? _csrfPreventionToken;

    /// <summary>The API endpoint, e.g. <c>https://pve.lan:8006/</c> (env <c>PROXMOX_VE_ENDPOINT</c>).</summary>
    [Input("endpoint")]
    public Input<string>? Endpoint { get; init; }

    /// <summary>An API token <c>USER@REALM!TOKENID=UUID</c>, sent as a secret (env <c>PROXMOX_VE_API_TOKEN</c>).</summary>
    [Input("apiToken")]
    public Input<string>? ApiToken
    {
        get => _apiToken;
        init => _apiToken = value is null ? null : Output.CreateSecret(value.ToOutput());
    }

    /// <summary>A user name such as <c>root@pam</c> (an alternative to the token).</summary>
    [Input("username")]
    public Input<string>? Username { get; init; }

    /// <summary>The user's password, sent as a secret.</summary>
    [Input("password")]
    public Input<string>? Password
    {
        get => _password;
        init => _password = value is null ? null : Output.CreateSecret(value.ToOutput());
    }

    /// <summary>A pre-authenticated ticket, sent as a secret.</summary>
    [Input("authTicket")]
    public Input<string>? AuthTicket
    {
        get => _authTicket;
        init => _authTicket = value is null ? null : Output.CreateSecret(value.ToOutput());
    }

    /// <summary>The CSRF token of the ticket, sent as a secret.</summary>
    [Input("csrfPreventionToken")]
    public Input<string>? CsrfPreventionToken
    {
        get => _csrfPreventionToken;
        init => _csrfPreventionToken = value is null ? null : Output.CreateSecret(value.ToOutput());
    }

    /// <summary>A one-time password (deprecated upstream).</summary>
    [Input("otp")]
    public Input<string>? Otp { get; init; }

    /// <summary>Whether to skip TLS verification. <value>The default is false.</value></summary>
    [Input("insecure", Json = true)]
    public Input<bool>? Insecure { get; init; }

    /// <summary>The minimum TLS version. <value>The default is <c>1.3</c>.</value></summary>
    [Input("minTls")]
    public Input<string>? MinTls { get; init; }

    /// <summary>Whether new VM/CT ids are random instead of next-free.</summary>
    [Input("randomVmIds", Json = true)]
    public Input<bool>? RandomVmIds { get; init; }

    /// <summary>The smallest random id.</summary>
    [Input("randomVmIdStart", Json = true)]
    public Input<int>? RandomVmIdStart { get; init; }

    /// <summary>The largest random id.</summary>
    [Input("randomVmIdEnd", Json = true)]
    public Input<int>? RandomVmIdEnd { get; init; }

    /// <summary>The temporary directory for uploads.</summary>
    [Input("tmpDir")]
    public Input<string>? TmpDir { get; init; }

    /// <summary>SSH access to the nodes (needed for snippet uploads, <c>sourceFile</c> imports and container idmaps).</summary>
    [Input("ssh", Json = true)]
    public ProviderSshArgs? Ssh { get; init; }
}
