namespace Infra.Engine.State;

/// <summary>The real process id, user name and host name.</summary>
internal sealed class SystemProcessIdentity : IProcessIdentity
{
    private SystemProcessIdentity()
    {
    }

    public static SystemProcessIdentity Instance { get; } = new();

    public int ProcessId => Environment.ProcessId;

    public string UserName => Environment.UserName;

    public string HostName => Environment.MachineName;
}
