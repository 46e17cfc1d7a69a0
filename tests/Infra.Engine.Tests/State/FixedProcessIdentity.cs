using Infra.Engine.State;

namespace Infra.Engine.Tests.State;

internal sealed class FixedProcessIdentity(int processId, string userName, string hostName) : IProcessIdentity
{
    public int ProcessId { get; } = processId;

    public string UserName { get; } = userName;

    public string HostName { get; } = hostName;
}
