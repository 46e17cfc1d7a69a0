namespace Infra.Engine.Providers.ProxmoxVE;

/// <summary>The operations of one proxmoxve resource type (the provider routes by type token).</summary>
internal interface IProxmoxResourceHandler
{
    /// <summary>The type token served.</summary>
    string TypeToken { get; }

    Task<CheckResult> CheckAsync(ProxmoxSession session, CheckRequest request, CancellationToken cancellationToken);

    DiffResult Diff(DiffRequest request);

    Task<CreateResult> CreateAsync(ProxmoxSession session, CreateRequest request, CancellationToken cancellationToken);

    Task<ReadResult> ReadAsync(ProxmoxSession session, ReadRequest request, CancellationToken cancellationToken);

    Task<UpdateResult> UpdateAsync(ProxmoxSession session, UpdateRequest request, CancellationToken cancellationToken);

    Task DeleteAsync(ProxmoxSession session, DeleteRequest request, CancellationToken cancellationToken);
}
