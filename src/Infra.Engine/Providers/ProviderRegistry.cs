using System.Collections.Concurrent;
using System.Collections.Immutable;
using Infra.Engine.State;
using Infra.Protocol;
using Infra.Protocol.Values;

namespace Infra.Engine.Providers;

/// <summary>
/// Where built-in providers plug in (by package, through a <see cref="ProviderFactory"/>) and where the
/// configured provider instances of a run live, keyed by their reference <c>&lt;urn&gt;::&lt;id&gt;</c>.
/// Provider resources (<c>pulumi:providers:&lt;pkg&gt;</c>, explicit or default) are planned and applied
/// like any custom resource through <see cref="ProviderResources"/>, which loads, configures and
/// registers the instance. Thread-safe.
/// </summary>
internal sealed class ProviderRegistry
{
    private static readonly HashSet<string> NonConfigKeys = new(StringComparer.Ordinal) { DefaultProviders.VersionKey, "pluginDownloadURL" };

    private readonly ImmutableSortedDictionary<string, ProviderFactory> _factories;
    private readonly ConcurrentDictionary<string, IResourceProvider> _instances = new(StringComparer.Ordinal);
    private readonly Func<string> _newId;

    /// <summary>Creates a registry of the given built-in providers.</summary>
    /// <param name="builtIns">Package name to factory.</param>
    /// <param name="newId">Creates provider resource IDs in an update; a random UUID by default.</param>
    public ProviderRegistry(IEnumerable<KeyValuePair<string, ProviderFactory>> builtIns, Func<string>? newId = null)
    {
        ArgumentNullException.ThrowIfNull(builtIns);
        _factories = builtIns.ToImmutableSortedDictionary(StringComparer.Ordinal);
        _newId = newId ?? (() => Guid.NewGuid().ToString());
        ProviderResources = new ProviderResourceProvider(this);
    }

    /// <summary>The packages served by built-in providers, sorted.</summary>
    public ImmutableArray<string> BuiltInPackages => [.. _factories.Keys];

    /// <summary>The provider of provider resources (<c>pulumi:providers:*</c>).</summary>
    public IResourceProvider ProviderResources { get; }

    /// <summary>Whether a built-in provider serves <paramref name="package"/>.</summary>
    public bool IsBuiltIn(string package) => _factories.ContainsKey(package);

    /// <summary>A fresh ID for a provider resource created in an update.</summary>
    public string NewProviderId() => _newId();

    /// <summary>Creates an unconfigured instance; an unknown package is a clear error naming the built-in ones.</summary>
    public IResourceProvider Create(string package, string? version)
    {
        ArgumentException.ThrowIfNullOrEmpty(package);
        if (!_factories.TryGetValue(package, out var factory))
        {
            throw new ProviderNotFoundException(
                $"No provider is built in for package '{package}'{(version is null ? string.Empty : $" (version {version})")}. " +
                $"Built-in providers: {(_factories.IsEmpty ? "none" : string.Join(", ", _factories.Keys))}.",
                package,
                BuiltInPackages);
        }

        return factory(package, version);
    }

    /// <summary>Creates an instance and configures it from provider inputs (<c>version</c> is not passed as config).</summary>
    public async Task<IResourceProvider> LoadAsync(
        string package,
        string? version,
        ImmutableSortedDictionary<string, PropertyValue> inputs,
        bool preview,
        CancellationToken cancellationToken = default)
    {
        var provider = Create(package, version);
        var config = PropertyMaps.Create(inputs.Where(p => !NonConfigKeys.Contains(p.Key)));
        await provider.ConfigureAsync(new ConfigureRequest { Config = config, Preview = preview }, cancellationToken).ConfigureAwait(false);
        return provider;
    }

    /// <summary>Registers (or replaces) the configured instance behind <paramref name="reference"/>.</summary>
    public void Register(ProviderReference reference, IResourceProvider provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        _instances[reference.ToString()] = provider;
    }

    /// <summary>Removes the instance behind <paramref name="reference"/>.</summary>
    public bool Unregister(ProviderReference reference) => _instances.TryRemove(reference.ToString(), out _);

    /// <summary>Finds a registered instance by its reference string.</summary>
    public bool TryGet(string reference, out IResourceProvider provider)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return _instances.TryGetValue(Normalize(reference), out provider!);
    }

    /// <summary>Returns a registered instance; an unknown reference is a clear error.</summary>
    public IResourceProvider Get(string reference)
    {
        if (TryGet(reference, out var provider))
        {
            return provider;
        }

        var parsed = ProviderReference.Parse(reference);
        throw new ProviderNotFoundException(
            $"Provider '{reference}' is not registered in this deployment; its provider resource must be registered before resources that use it.",
            parsed.Package,
            BuiltInPackages);
    }

    /// <summary>
    /// Returns the instance behind <paramref name="reference"/>, loading it from the recorded state of its
    /// provider resource when this run has not registered it (deletes, destroy and refresh of old resources).
    /// </summary>
    public async Task<IResourceProvider> ResolveAsync(
        string reference,
        Func<string, ResourceState?> findOldState,
        bool preview,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(findOldState);
        if (TryGet(reference, out var registered))
        {
            return registered;
        }

        var parsed = ProviderReference.Parse(reference);
        var state = findOldState(parsed.Urn);
        if (state is null)
        {
            throw new ProviderNotFoundException(
                $"Provider '{reference}' is neither registered in this deployment nor recorded in the state.",
                parsed.Package,
                BuiltInPackages);
        }

        return await EnsureLoadedAsync(parsed, state.Inputs, preview, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Loads and registers the instance of an existing provider resource unless it is registered already.</summary>
    public async Task<IResourceProvider> EnsureLoadedAsync(
        ProviderReference reference,
        ImmutableSortedDictionary<string, PropertyValue> inputs,
        bool preview,
        CancellationToken cancellationToken = default)
    {
        if (_instances.TryGetValue(reference.ToString(), out var existing))
        {
            return existing;
        }

        var provider = await LoadAsync(reference.Package, VersionOf(inputs), inputs, preview, cancellationToken).ConfigureAwait(false);
        return _instances.GetOrAdd(reference.ToString(), provider);
    }

    /// <summary>The <c>version</c> input of a provider resource, if it is a known string.</summary>
    public static string? VersionOf(IReadOnlyDictionary<string, PropertyValue> inputs) =>
        inputs.TryGetValue(DefaultProviders.VersionKey, out var value) && value.Kind == PropertyValueKind.String ? value.StringValue : null;

    private static string Normalize(string reference)
    {
        var split = reference.LastIndexOf("::", StringComparison.Ordinal);
        return split > 0 && split + 2 == reference.Length ? reference + WireConstants.UnknownStringSentinel : reference;
    }
}
