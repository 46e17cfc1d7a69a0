namespace Infra.ProxmoxVE.VM;

/// <summary>The cloud-init user account.</summary>
public sealed partial class VirtualMachineInitializationUserAccountArgs : ResourceArgs
{
    private Input<string>? _password;

    /// <summary>The user name.</summary>
    [Input("username")]
    public Input<string>? Username { get; init; }

    /// <summary>The password (sent as a secret).</summary>
    [Input("password")]
    public Input<string>? Password
    {
        get => _password;
        init => _password = value is null ? null : Output.CreateSecret(value.ToOutput());
    }

    /// <summary>SSH public keys.</summary>
    [Input("keys")]
    public InputList<string>? Keys { get; init; }
}
