using System.Collections.Concurrent;
using System.Collections.Immutable;

namespace Infra.Engine.Providers.ProxmoxVE;

/// <summary>What a configured provider instance hands its resource handlers: the API client (null while the configuration is unknown), the scheduling coordinator and the clock.</summary>
internal sealed class ProxmoxSession(
    ProxmoxProviderConfig config,
    ProxmoxApiClient? client,
    ProxmoxCoordinator coordinator,
    ProxmoxVEProviderOptions options,
    TimeProvider timeProvider)
{
    private readonly ConcurrentDictionary<string, Task<ImmutableArray<string>?>> _bridges = new(StringComparer.Ordinal);

    public ProxmoxProviderConfig Config { get; } = config;

    /// <summary>The client, or null when the provider configuration is unknown (preview) or invalid.</summary>
    public ProxmoxApiClient? Client { get; } = client;

    public ProxmoxCoordinator Coordinator { get; } = coordinator;

    public ProxmoxVEProviderOptions Options { get; } = options;

    public TimeProvider TimeProvider { get; } = timeProvider;

    /// <summary>The client for a real operation; a clear error when the configuration is unknown or invalid.</summary>
    public ProxmoxApiClient RequireClient(string operation)
    {
        if (Client is { } client)
        {
            return client;
        }

        if (!Config.IsKnown)
        {
            throw new InvalidOperationException($"Cannot {operation}: the proxmoxve provider configuration is not known yet (it depends on resources that do not exist).");
        }

        throw new InvalidOperationException($"Cannot {operation}: the proxmoxve provider configuration is invalid: "
            + string.Join("; ", Config.Problems.Select(p => $"{p.Property}: {p.Reason}")));
    }

    /// <summary>The bridges of a node (cached), or null when they cannot be listed (then apply reports an unknown bridge).</summary>
    public Task<ImmutableArray<string>?> BridgesAsync(string node, CancellationToken cancellationToken) =>
        Client is null
            ? Task.FromResult<ImmutableArray<string>?>(null)
            : _bridges.GetOrAdd(node, n => ListBridgesAsync(Client, n, CancellationToken.None)).WaitAsync(cancellationToken);

    private static async Task<ImmutableArray<string>?> ListBridgesAsync(ProxmoxApiClient client, string node, CancellationToken cancellationToken)
    {
        try
        {
            var answer = await client.GetAsync($"nodes/{Uri.EscapeDataString(node)}/network", [KeyValuePair.Create("type", "any_bridge")], cancellationToken).ConfigureAwait(false);
            return answer is System.Text.Json.Nodes.JsonArray list
                ? [.. list.Select(n => (string?)n?["iface"]).OfType<string>()]
                : null;
        }
        catch (ProxmoxApiException)
        {
            return null;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }
}
