using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json.Nodes;

namespace Infra.TestDoubles.ProxmoxVE;

public sealed partial class ProxmoxVEDouble
{
    /// <summary>
    /// Starts a worker and returns its UPID; <paramref name="work"/> throws <see cref="DoubleTaskFailure"/> to fail it,
    /// and <paramref name="onFailure"/> (run under the gate) undoes what a failed task leaves behind.
    /// </summary>
    private JsonNode StartTask(string node, string type, string id, string user, Func<Task> work, Action? onFailure = null)
    {
        DoubleTask task;
        string? injectedFailure = null;
        lock (_gate)
        {
            var pid = ++_pid;
            var start = _options.TimeProvider.GetUtcNow().ToUnixTimeSeconds();
            var upid = string.Create(CultureInfo.InvariantCulture, $"UPID:{node}:{pid:X8}:{pid * 7:X8}:{start:X8}:{type}:{id}:{user}:");
            task = new DoubleTask(upid, node, type, id, user, start);
            _tasks[upid] = task;
            if (_taskFailures.TryGetValue(type, out var queue) && queue.Count > 0)
            {
                injectedFailure = queue.Dequeue();
            }
        }

        _ = RunTaskAsync(task, work, injectedFailure, onFailure);
        return Value(task.Upid)!;
    }

    private async Task RunTaskAsync(DoubleTask task, Func<Task> work, string? injectedFailure, Action? onFailure)
    {
        string exitStatus;
        try
        {
            await Task.Yield();
            if (injectedFailure is not null)
            {
                await Task.Delay(DurationOf(task.Type), _options.TimeProvider).ConfigureAwait(false);
                throw new DoubleTaskFailure(injectedFailure);
            }

            await work().ConfigureAwait(false);
            exitStatus = "OK";
        }
        catch (DoubleTaskFailure e)
        {
            exitStatus = e.Message;
        }
        catch (ProxmoxApiError e)
        {
            exitStatus = e.Message;
        }

        lock (_gate)
        {
            if (exitStatus != "OK")
            {
                onFailure?.Invoke();
            }

            task.ExitStatus = exitStatus;
        }
    }

    private TimeSpan DurationOf(string type)
    {
        lock (_gate)
        {
            return _taskDurations.TryGetValue(type, out var duration)
                ? duration
                : type == "qmclone" ? _options.CloneDuration : _options.TaskDuration;
        }
    }

    private Task DelayAsync(string type) => Task.Delay(DurationOf(type), _options.TimeProvider);

    private JsonNode TaskStatus(string node, string upid, ImmutableSortedDictionary<string, string> p)
    {
        Allow(p, []);
        lock (_gate)
        {
            if (!_tasks.TryGetValue(upid, out var task) || task.Node != node)
            {
                throw new ProxmoxApiError(500, $"unable to parse worker upid '{upid}'");
            }

            var status = new JsonObject
            {
                ["upid"] = task.Upid,
                ["node"] = task.Node,
                ["type"] = task.Type,
                ["id"] = task.Id,
                ["user"] = task.User,
                ["starttime"] = task.StartTime,
                ["status"] = task.Running ? "running" : "stopped",
            };
            if (!task.Running)
            {
                status["exitstatus"] = task.ExitStatus;
            }

            return status;
        }
    }

    private DoubleLock LockOf(string path)
    {
        lock (_gate)
        {
            if (!_locks.TryGetValue(path, out var fileLock))
            {
                _locks[path] = fileLock = new DoubleLock(path, _options.TimeProvider);
            }

            return fileLock;
        }
    }

    /// <summary>Takes a lock within the lock timeout or fails the task the way Proxmox does.</summary>
    private async Task<DoubleLock> AcquireAsync(string path)
    {
        var fileLock = LockOf(path);
        if (!await fileLock.TryAcquireAsync(_options.LockTimeout).ConfigureAwait(false))
        {
            Interlocked.Increment(ref _lockTimeouts);
            throw new DoubleTaskFailure($"can't lock file '{path}' - got timeout");
        }

        return fileLock;
    }

    private static string ConfigLockPath(int id) => string.Create(CultureInfo.InvariantCulture, $"/var/lock/qemu-server/lock-{id}.conf");

    private static string StorageLockPath(string storage) => $"/var/lock/pve-manager/pve-storage-{storage}";
}
