namespace Infra.TestDoubles.ProxmoxVE;

/// <summary>A task (worker) inside the double.</summary>
internal sealed class DoubleTask(string upid, string node, string type, string id, string user, long startTime)
{
    public string Upid { get; } = upid;

    public string Node { get; } = node;

    public string Type { get; } = type;

    public string Id { get; } = id;

    public string User { get; } = user;

    public long StartTime { get; } = startTime;

    public string? ExitStatus { get; set; }

    public bool Running => ExitStatus is null;

    public ProxmoxVETaskRecord Snapshot() => new(Upid, Type, Id, Running, ExitStatus);
}
