namespace Infra.Engine.State;

/// <summary>The content of one lock file: <c>{"pid","username","hostname","timestamp"}</c>, plus its path relative to the backend root.</summary>
internal sealed record LockInfo(string Key, int ProcessId, string UserName, string HostName, DateTimeOffset Timestamp);
