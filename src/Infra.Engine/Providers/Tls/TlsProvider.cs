using System.Collections.Immutable;
using Infra.Engine.Planning;
using Infra.Protocol.Values;

namespace Infra.Engine.Providers.Tls;

/// <summary>
/// The built-in provider of package <c>tls</c> (Pulumi tls 5.x): private keys, self-signed and locally signed
/// certificates, certificate requests, and the <c>getPublicKey</c>/<c>getCertificate</c> functions, built on
/// .NET cryptography. Every resource is logical: Create computes, Delete only forgets, Read re-evaluates
/// renewal. Private key material leaves the provider only as secret values and never appears in messages.
/// "Now" comes from the injected <see cref="TimeProvider"/>.
/// </summary>
/// <remarks>ED25519 uses the in-repo RFC 8032 implementation (<see cref="Ed25519"/>), since .NET has none.</remarks>
internal sealed partial class TlsProvider : IResourceProvider
{
    /// <summary>The package name.</summary>
    public const string PackageName = TlsNames.Package;

    /// <summary>The major version this provider implements.</summary>
    public const int MajorVersion = 5;

    private readonly TimeProvider _timeProvider;

    /// <summary>Creates the provider; "now" (validity, renewal) comes from <paramref name="timeProvider"/>.</summary>
    public TlsProvider(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _timeProvider = timeProvider;
    }

    /// <inheritdoc/>
    public string Package => PackageName;

    /// <summary>A factory handing out this (stateless) instance for package <c>tls</c> at any 5.x version.</summary>
    public ProviderFactory Factory => (package, version) =>
    {
        if (package != PackageName)
        {
            throw new ArgumentException($"The tls provider cannot serve package '{package}'.", nameof(package));
        }

        if (version is not null && !version.StartsWith($"{MajorVersion}.", StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"The built-in tls provider implements tls {MajorVersion}.x; version '{version}' was requested. Pin a {MajorVersion}.x version.",
                nameof(version));
        }

        return this;
    };

    private DateTimeOffset Now => _timeProvider.GetUtcNow();

    /// <inheritdoc/>
    public Task ConfigureAsync(ConfigureRequest request, CancellationToken cancellationToken = default)
    {
        // The only setting (proxy) matters for getCertificate URLs, which this provider does not fetch.
        ArgumentNullException.ThrowIfNull(request);
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task<CheckResult> CheckAsync(CheckRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var news = PropertyMaps.Ordinal(request.News);
        var result = ResourceUrn.TypeOf(request.Urn) switch
        {
            TlsNames.PrivateKeyType => CheckPrivateKey(news),
            TlsNames.SelfSignedCertType => CheckSelfSignedCert(news),
            TlsNames.CertRequestType => CheckCertRequest(news),
            TlsNames.LocallySignedCertType => CheckLocallySignedCert(news),
            var type => new CheckResult { Inputs = news, Failures = [new CheckFailure(string.Empty, $"unknown resource type '{type}' in package 'tls'")] },
        };
        return Task.FromResult(result);
    }

    /// <inheritdoc/>
    public Task<DiffResult> DiffAsync(DiffRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var type = ResourceUrn.TypeOf(request.Urn);
        var changes = Compare(request.OldInputs, request.NewInputs);
        var replaced = new SortedSet<string>(StringComparer.Ordinal);
        var detailed = ImmutableSortedDictionary.CreateBuilder<string, PropertyDiff>(StringComparer.Ordinal);
        foreach (var (key, kind) in changes)
        {
            var replace = ForcesReplacement(type, key, request.OldInputs);
            if (replace)
            {
                replaced.Add(key);
            }

            detailed[key] = new PropertyDiff(replace ? ToReplace(kind) : kind);
        }

        string? reason = null;
        if (IsCertificate(type) && CertificateReadyForRenewal(request.OldOutputs, request.NewInputs, request.OldInputs))
        {
            // The certificate expired or entered its early renewal window: the provider renews it by replacement.
            reason = RenewalReason(request.OldOutputs, request.NewInputs, request.OldInputs);
            replaced.Add(ReadyForRenewalKey);
            detailed[ReadyForRenewalKey] = new PropertyDiff(PropertyDiffKind.UpdateReplace, InputDiff: false);
        }

        if (detailed.Count == 0)
        {
            return Task.FromResult(DiffResult.NoChanges);
        }

        return Task.FromResult(new DiffResult
        {
            Changes = DiffChanges.Some,
            ReplaceKeys = [.. replaced],
            ChangedKeys = [.. detailed.Keys],
            DetailedDiff = detailed.ToImmutable(),
            DeleteBeforeReplace = false,
            Reason = reason,
        });
    }

    /// <inheritdoc/>
    public Task<CreateResult> CreateAsync(CreateRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        var inputs = PropertyMaps.Ordinal(request.Inputs);
        var type = ResourceUrn.TypeOf(request.Urn);
        var result = type switch
        {
            TlsNames.PrivateKeyType => CreatePrivateKey(inputs, request.Preview),
            TlsNames.SelfSignedCertType => CreateSelfSignedCert(inputs, request.Preview),
            TlsNames.CertRequestType => CreateCertRequest(inputs, request.Preview),
            TlsNames.LocallySignedCertType => CreateLocallySignedCert(inputs, request.Preview),
            _ => throw new InvalidOperationException($"Create of '{request.Urn}': unknown resource type '{type}' in package 'tls'."),
        };
        return Task.FromResult(result);
    }

    /// <inheritdoc/>
    public Task<ReadResult> ReadAsync(ReadRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var state = PropertyMaps.Ordinal(request.State);
        var type = ResourceUrn.TypeOf(request.Urn);
        if (IsCertificate(type) && state.ContainsKey(ValidityEndTimeKey))
        {
            // Refresh flips readyForRenewal once the certificate is inside its early renewal window.
            var early = IntegerOf(state, EarlyRenewalHoursKey) ?? IntegerOf(request.Inputs, EarlyRenewalHoursKey) ?? 0;
            var ready = TlsRenewal.IsReady(StringOf(state, ValidityEndTimeKey), early, Now);
            state = state.SetItem(ReadyForRenewalKey, PropertyValue.Create(ready));
        }

        return Task.FromResult(new ReadResult { Id = request.Id, Inputs = request.Inputs, Outputs = ProtectSecrets(type, state) });
    }

    /// <inheritdoc/>
    public Task<UpdateResult> UpdateAsync(UpdateRequest request, CancellationToken cancellationToken = default)
    {
        // Only state-only changes reach Update (earlyRenewalHours, or a legacy hashed PEM input): copy the inputs over.
        ArgumentNullException.ThrowIfNull(request);
        var type = ResourceUrn.TypeOf(request.Urn);
        var outputs = PropertyMaps.Ordinal(request.OldOutputs);
        foreach (var (key, value) in request.NewInputs)
        {
            outputs = outputs.SetItem(key, value);
        }

        if (IsCertificate(type) && outputs.ContainsKey(ValidityEndTimeKey))
        {
            var ready = TlsRenewal.IsReady(StringOf(outputs, ValidityEndTimeKey), IntegerOf(outputs, EarlyRenewalHoursKey) ?? 0, Now);
            outputs = outputs.SetItem(ReadyForRenewalKey, PropertyValue.Create(ready));
        }

        return Task.FromResult(new UpdateResult { Outputs = ProtectSecrets(type, outputs) });
    }

    /// <inheritdoc/>
    public Task DeleteAsync(DeleteRequest request, CancellationToken cancellationToken = default)
    {
        // Logical resources: forgetting the state is the whole delete.
        ArgumentNullException.ThrowIfNull(request);
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task<InvokeResult> InvokeAsync(InvokeRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var args = PropertyMaps.Ordinal(request.Args);
        var result = request.Token switch
        {
            TlsNames.GetPublicKeyToken => GetPublicKey(args),
            TlsNames.GetCertificateToken => GetCertificate(args),
            _ => new InvokeResult { Failures = [new CheckFailure(string.Empty, $"unknown function '{request.Token}' in package 'tls'")] },
        };
        return Task.FromResult(result);
    }
}
