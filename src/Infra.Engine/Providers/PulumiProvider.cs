using System.Collections.Immutable;
using Infra.Engine.Planning;
using Infra.Protocol.Values;

namespace Infra.Engine.Providers;

/// <summary>
/// The engine's built-in provider of package <c>pulumi</c>. It serves reads of
/// <c>pulumi:pulumi:StackReference</c> (ID = the referenced stack name; outputs <c>name</c>, <c>outputs</c>
/// and <c>secretOutputNames</c>) through an <see cref="IStackReferenceReader"/>. Nothing of it can be
/// created, updated or deleted.
/// </summary>
internal sealed class PulumiProvider(IStackReferenceReader reader) : IResourceProvider
{
    /// <summary>The package name.</summary>
    public const string PackageName = "pulumi";

    /// <summary>The type token of a stack reference.</summary>
    public const string StackReferenceType = "pulumi:pulumi:StackReference";

    /// <inheritdoc/>
    public string Package => PackageName;

    /// <inheritdoc/>
    public Task ConfigureAsync(ConfigureRequest request, CancellationToken cancellationToken = default) => Task.CompletedTask;

    /// <inheritdoc/>
    public Task<CheckResult> CheckAsync(CheckRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Task.FromResult(new CheckResult { Inputs = request.News });
    }

    /// <inheritdoc/>
    public Task<DiffResult> DiffAsync(DiffRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var changes = PropertyMaps.Compare(request.OldInputs, request.NewInputs);
        return Task.FromResult(new DiffResult { Changes = changes.IsEmpty ? DiffChanges.None : DiffChanges.Some, ChangedKeys = [.. changes.Keys] });
    }

    /// <inheritdoc/>
    public Task<CreateResult> CreateAsync(CreateRequest request, CancellationToken cancellationToken = default) =>
        throw NotManaged(request?.Urn);

    /// <inheritdoc/>
    public async Task<ReadResult> ReadAsync(ReadRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (ResourceUrn.TypeOf(request.Urn) != StackReferenceType)
        {
            throw NotManaged(request.Urn);
        }

        var outputs = await reader.ReadOutputsAsync(request.Id, cancellationToken).ConfigureAwait(false);
        if (outputs is null)
        {
            return ReadResult.Gone;
        }

        var secretNames = outputs.Where(p => p.Value.ContainsSecrets).Select(p => PropertyValue.Create(p.Key));
        var name = PropertyValue.Create(request.Id);
        return new ReadResult
        {
            Id = request.Id,
            Inputs = PropertyMaps.Create([KeyValuePair.Create("name", name)]),
            Outputs = PropertyMaps.Create(
            [
                KeyValuePair.Create("name", name),
                KeyValuePair.Create("outputs", PropertyValue.CreateObject(outputs)),
                KeyValuePair.Create("secretOutputNames", PropertyValue.CreateArray(secretNames)),
            ]),
        };
    }

    /// <inheritdoc/>
    public Task<UpdateResult> UpdateAsync(UpdateRequest request, CancellationToken cancellationToken = default) =>
        throw NotManaged(request?.Urn);

    /// <inheritdoc/>
    public Task DeleteAsync(DeleteRequest request, CancellationToken cancellationToken = default)
    {
        // Stack references are only read; forgetting one deletes nothing.
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task<InvokeResult> InvokeAsync(InvokeRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Task.FromResult(new InvokeResult
        {
            Failures = [new CheckFailure(string.Empty, $"the built-in 'pulumi' provider has no function '{request.Token}'")],
        });
    }

    private static NotSupportedException NotManaged(string? urn) =>
        new($"'{urn}' cannot be created or updated: the built-in 'pulumi' provider only reads {StackReferenceType}.");
}
