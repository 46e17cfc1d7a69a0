using System.Collections.Immutable;
using Infra.Engine.Planning;
using Infra.Protocol;

namespace Infra.Engine.Providers;

/// <summary>
/// Serves provider resources (<c>pulumi:providers:&lt;pkg&gt;</c>): their inputs are the provider's
/// configuration. Create loads and configures an instance and registers it under
/// <c>&lt;urn&gt;::&lt;id&gt;</c>, with a UUID ID in an update and the unknown sentinel in preview; Update
/// reconfigures it under the same ID; Delete unregisters it. Configuration changes never replace.
/// </summary>
internal sealed class ProviderResourceProvider(ProviderRegistry registry) : IResourceProvider
{
    /// <inheritdoc/>
    public string Package => "pulumi";

    /// <inheritdoc/>
    public Task ConfigureAsync(ConfigureRequest request, CancellationToken cancellationToken = default) => Task.CompletedTask;

    /// <inheritdoc/>
    public Task<CheckResult> CheckAsync(CheckRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);

        // Fail early, with the list of built-in packages, when nothing can serve this provider.
        var package = ProviderReference.PackageOfProviderType(ResourceUrn.TypeOf(request.Urn));
        _ = registry.Create(package, ProviderRegistry.VersionOf(request.News));
        return Task.FromResult(new CheckResult { Inputs = PropertyMaps.Ordinal(request.News) });
    }

    /// <inheritdoc/>
    public Task<DiffResult> DiffAsync(DiffRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var changes = PropertyMaps.Compare(request.OldInputs, request.NewInputs);
        return Task.FromResult(new DiffResult
        {
            Changes = changes.IsEmpty ? DiffChanges.None : DiffChanges.Some,
            ChangedKeys = [.. changes.Keys],
            DetailedDiff = changes.ToImmutableSortedDictionary(p => p.Key, p => new PropertyDiff(p.Value), StringComparer.Ordinal),
        });
    }

    /// <inheritdoc/>
    public async Task<CreateResult> CreateAsync(CreateRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var id = request.Preview ? WireConstants.UnknownStringSentinel : registry.NewProviderId();
        var reference = new ProviderReference(request.Urn, id);
        var instance = await registry.LoadAsync(
            reference.Package, ProviderRegistry.VersionOf(request.Inputs), request.Inputs, request.Preview, cancellationToken).ConfigureAwait(false);
        registry.Register(reference, instance);
        return new CreateResult { Id = id, Outputs = request.Inputs };
    }

    /// <inheritdoc/>
    public Task<ReadResult> ReadAsync(ReadRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Task.FromResult(new ReadResult
        {
            Id = request.Id,
            Inputs = request.Inputs,
            Outputs = request.State.IsEmpty ? request.Inputs : request.State,
        });
    }

    /// <inheritdoc/>
    public async Task<UpdateResult> UpdateAsync(UpdateRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var reference = new ProviderReference(request.Urn, request.Id);
        var instance = await registry.LoadAsync(
            reference.Package, ProviderRegistry.VersionOf(request.NewInputs), request.NewInputs, request.Preview, cancellationToken).ConfigureAwait(false);
        registry.Register(reference, instance);
        return new UpdateResult { Outputs = request.NewInputs };
    }

    /// <inheritdoc/>
    public Task DeleteAsync(DeleteRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        registry.Unregister(new ProviderReference(request.Urn, request.Id));
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task<InvokeResult> InvokeAsync(InvokeRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Task.FromResult(new InvokeResult
        {
            Failures = [new CheckFailure(string.Empty, $"Provider resources have no functions; '{request.Token}' cannot be invoked on them.")],
        });
    }
}
