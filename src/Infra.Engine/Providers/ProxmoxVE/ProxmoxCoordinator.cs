using System.Collections.Concurrent;
using System.Globalization;

namespace Infra.Engine.Providers.ProxmoxVE;

/// <summary>
/// Provider-wide scheduling that beats Proxmox's known parallel-clone failures: async gates per
/// (node, template) and per (node, storage) so clones that would contend for one file lock run one after
/// another instead of timing out, and race-free VM id allocation (<c>GET /cluster/nextid</c> inside one gate,
/// with ids handed out but not yet created kept reserved). Shared by every provider instance of a factory.
/// </summary>
internal sealed class ProxmoxCoordinator(int clonesPerTemplate) : IDisposable
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _idGate = new(1, 1);
    private readonly HashSet<int> _reserved = [];
    private readonly Lock _reservedLock = new();

    /// <summary>Takes every gate of <paramref name="keys"/> (in ordinal order, so two callers never deadlock).</summary>
    public async Task<IDisposable> AcquireAsync(IEnumerable<string> keys, CancellationToken cancellationToken = default)
    {
        var taken = new List<SemaphoreSlim>();
        try
        {
            foreach (var key in keys.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            {
                var gate = _gates.GetOrAdd(key, _ => new SemaphoreSlim(clonesPerTemplate, clonesPerTemplate));
                await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
                taken.Add(gate);
            }
        }
        catch
        {
            Release(taken);
            throw;
        }

        return new Releaser(taken);
    }

    /// <summary>
    /// Allocates a free VM id: asks <c>/cluster/nextid</c> inside the provider-wide gate and skips ids this
    /// provider handed out that do not exist yet. Call <see cref="Release(int)"/> once the guest exists or failed.
    /// </summary>
    public async Task<int> AllocateVmIdAsync(ProxmoxApiClient client, CancellationToken cancellationToken = default)
    {
        await _idGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var answer = await client.GetAsync("cluster/nextid", cancellationToken: cancellationToken).ConfigureAwait(false);
            var id = ParseId(answer?.ToString());
            while (IsReserved(id))
            {
                id++;
                try
                {
                    answer = await client.GetAsync("cluster/nextid", [KeyValuePair.Create("vmid", id.ToString(CultureInfo.InvariantCulture))], cancellationToken).ConfigureAwait(false);
                    id = ParseId(answer?.ToString());
                }
                catch (ProxmoxApiException e) when (e.IsAlreadyExists)
                {
                    // Taken by someone else: keep counting up.
                }
            }

            lock (_reservedLock)
            {
                _reserved.Add(id);
            }

            return id;
        }
        finally
        {
            _idGate.Release();
        }
    }

    /// <summary>Forgets a reservation.</summary>
    public void Release(int id)
    {
        lock (_reservedLock)
        {
            _reserved.Remove(id);
        }
    }

    public void Dispose()
    {
        _idGate.Dispose();
        foreach (var gate in _gates.Values)
        {
            gate.Dispose();
        }
    }

    private static int ParseId(string? text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : throw new ProxmoxApiException($"GET /cluster/nextid answered '{text}', not a VM id.");

    private static void Release(List<SemaphoreSlim> taken)
    {
        for (var i = taken.Count - 1; i >= 0; i--)
        {
            taken[i].Release();
        }
    }

    private bool IsReserved(int id)
    {
        lock (_reservedLock)
        {
            return _reserved.Contains(id);
        }
    }

    private sealed class Releaser(List<SemaphoreSlim> taken) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                Release(taken);
            }
        }
    }
}
