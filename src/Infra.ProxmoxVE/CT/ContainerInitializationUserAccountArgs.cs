namespace Infra.ProxmoxVE.CT;

/// <summary>The root account of a container (forces replacement).</summary>
public sealed partial class ContainerInitializationUserAccountArgs : ResourceArgs
{
    private Input<string>? _password;

    /// <summary>SSH public keys.</summary>
    [Input("keys")]
    public InputList<string>? Keys { get; init; }

    /// <summary>The root password (sent as a secret).</summary>
    [Input("password")]
    public Input<string>? Password
    {
        get => _password;
        init => _password = value is null ? null : Output.CreateSecret(value.ToOutput());
    }
}
