namespace Infra.TestDoubles.ProxmoxVE;

/// <summary>A snapshot of a task (worker) of the double.</summary>
/// <param name="Upid">The task id.</param>
/// <param name="Type">The task type, e.g. <c>qmclone</c>.</param>
/// <param name="Id">The guest id the task is about (may be empty).</param>
/// <param name="Running">Whether it still runs.</param>
/// <param name="ExitStatus"><c>OK</c> or the error, null while running.</param>
public sealed record ProxmoxVETaskRecord(string Upid, string Type, string Id, bool Running, string? ExitStatus);
