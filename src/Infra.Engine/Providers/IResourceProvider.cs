namespace Infra.Engine.Providers;

/// <summary>
/// The contract every provider implements, modeled on Pulumi's provider protocol: Configure, Check,
/// Diff, Create, Read, Update, Delete and Invoke. Requests and results are records of
/// <see cref="Infra.Protocol.Values.PropertyValue"/> maps; secrets stay wrapped, so a provider that
/// needs plaintext calls <c>WithoutSecrets()</c> itself and must never put a secret into an error.
/// </summary>
/// <remarks>
/// In preview (<c>Preview = true</c>) Create and Update must not touch anything real: they return the
/// outputs they can predict and <see cref="Infra.Protocol.Values.PropertyValue.Unknown"/> for the rest.
/// A provider is configured once, before any other call, and is then used concurrently.
/// </remarks>
internal interface IResourceProvider
{
    /// <summary>The package this provider serves (the first segment of its type tokens), e.g. <c>kubernetes</c>.</summary>
    string Package { get; }

    /// <summary>Configures the provider from its configuration inputs (values may be unknown in preview).</summary>
    Task ConfigureAsync(ConfigureRequest request, CancellationToken cancellationToken = default);

    /// <summary>Validates and normalises the inputs of a resource, filling defaults.</summary>
    Task<CheckResult> CheckAsync(CheckRequest request, CancellationToken cancellationToken = default);

    /// <summary>Compares old state with new (checked) inputs and says what must change.</summary>
    Task<DiffResult> DiffAsync(DiffRequest request, CancellationToken cancellationToken = default);

    /// <summary>Creates a resource (or, in preview, predicts its outputs without creating it).</summary>
    Task<CreateResult> CreateAsync(CreateRequest request, CancellationToken cancellationToken = default);

    /// <summary>Reads the live state of a resource; <see cref="ReadResult.Outputs"/> is null when it is gone.</summary>
    Task<ReadResult> ReadAsync(ReadRequest request, CancellationToken cancellationToken = default);

    /// <summary>Updates a resource in place (or, in preview, predicts its outputs).</summary>
    Task<UpdateResult> UpdateAsync(UpdateRequest request, CancellationToken cancellationToken = default);

    /// <summary>Deletes a resource. Deleting one that is already gone succeeds.</summary>
    Task DeleteAsync(DeleteRequest request, CancellationToken cancellationToken = default);

    /// <summary>Calls a provider function (data source).</summary>
    Task<InvokeResult> InvokeAsync(InvokeRequest request, CancellationToken cancellationToken = default);
}
