namespace Infra.Engine.State;

/// <summary>Who and where the current process runs, as recorded in lock files (injectable for tests).</summary>
internal interface IProcessIdentity
{
    int ProcessId { get; }

    string UserName { get; }

    string HostName { get; }
}
