using System.Collections.Immutable;
using Infra.Protocol;
using Infra.Protocol.Rpc;
using Infra.Protocol.Values;
using Infra.Runtime;
using Infra.Serialization;

namespace Infra.Testing;

/// <summary>
/// The in-process monitor of test runs: answers every request through <see cref="IMocks"/> and
/// records what the program sent, byte for byte the same requests a real engine receives.
/// </summary>
internal sealed class MockMonitor(IMocks mocks, TestOptions options) : IMonitor
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, ResourceRegistration> _byUrn = new(StringComparer.Ordinal);
    private readonly List<ResourceRegistration> _registrations = [];
    private readonly Serializer _serializer = new(keepResources: true, keepOutputValues: false);
    private ImmutableSortedDictionary<string, PropertyValue> _stackOutputs = ImmutableSortedDictionary<string, PropertyValue>.Empty;

    public ImmutableArray<ResourceRegistration> Registrations
    {
        get
        {
            lock (_gate)
            {
                return [.. _registrations];
            }
        }
    }

    public ImmutableSortedDictionary<string, PropertyValue> StackOutputs => _stackOutputs;

    /// <summary>Plain values for mocks: secrets unwrapped; unknown and null values left out.</summary>
    public static IReadOnlyDictionary<string, object> ToPlain(IEnumerable<KeyValuePair<string, PropertyValue>> properties)
    {
        var plain = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var (key, value) in properties)
        {
            if (!value.IsNull && !value.ContainsUnknowns)
            {
                plain[key] = Deserializer.ToPlainObject(value)!;
            }
        }

        return plain.AsReadOnly();
    }

    public Task<SupportsFeatureResponse> SupportsFeatureAsync(SupportsFeatureRequest request) =>
        Task.FromResult(new SupportsFeatureResponse { HasSupport = request.Id != "outputValues" });

    public async Task<RegisterResourceResponse> RegisterResourceAsync(RegisterResourceRequest request)
    {
        var urn = UrnFor(request.Type, request.Name, request.Parent);
        var inputs = StructEncoding.FromStruct(request.Object);
        string? id = null;
        var outputs = ImmutableSortedDictionary<string, PropertyValue>.Empty;
        if (request.Type != WireConstants.StackType)
        {
            var (mockId, state) = await mocks.NewResourceAsync(new MockResourceArgs
            {
                Type = request.Type,
                Name = request.Name,
                Inputs = ToPlain(inputs),
                Provider = request.Provider,
                Id = string.IsNullOrEmpty(request.ImportId) ? null : request.ImportId,
                Custom = request.Custom,
                Urn = urn,
            }).ConfigureAwait(false);
            id = mockId ?? (string.IsNullOrEmpty(request.ImportId) ? null : request.ImportId);
            if (request.Custom)
            {
                outputs = await SerializeStateAsync(state).ConfigureAwait(false);
            }
        }

        Record(urn, request.Type, request.Name, request.Parent, request.Custom, id, inputs, outputs, isRead: false, request);
        var response = new RegisterResourceResponse { Urn = urn, Id = request.Custom ? id ?? string.Empty : string.Empty };
        response.Object = StructEncoding.ToStruct(outputs);
        return response;
    }

    public async Task<ReadResourceResponse> ReadResourceAsync(ReadResourceRequest request)
    {
        var urn = UrnFor(request.Type, request.Name, request.Parent);
        var inputs = StructEncoding.FromStruct(request.Properties);
        ImmutableSortedDictionary<string, PropertyValue> outputs;
        if (request.Type == StackReference.TypeToken && options.StackReferences.TryGetValue(request.Id, out var stackOutputs))
        {
            var secretNames = stackOutputs.Keys.Where(k => options.SecretStackReferenceOutputs.Contains($"{request.Id}/{k}")).Order(StringComparer.Ordinal);
            outputs = await SerializeStateAsync(new Dictionary<string, object?>
            {
                ["name"] = request.Id,
                ["outputs"] = stackOutputs,
                ["secretOutputNames"] = secretNames.ToArray(),
            }).ConfigureAwait(false);
        }
        else
        {
            var (_, state) = await mocks.NewResourceAsync(new MockResourceArgs
            {
                Type = request.Type,
                Name = request.Name,
                Inputs = ToPlain(inputs),
                Provider = request.Provider,
                Id = request.Id,
                Custom = true,
                Urn = urn,
            }).ConfigureAwait(false);
            outputs = await SerializeStateAsync(state).ConfigureAwait(false);
        }

        Record(urn, request.Type, request.Name, request.Parent, custom: true, request.Id, inputs, outputs, isRead: true, register: null);
        return new ReadResourceResponse { Urn = urn, Properties = StructEncoding.ToStruct(outputs) };
    }

    public async Task RegisterResourceOutputsAsync(RegisterResourceOutputsRequest request)
    {
        var outputs = StructEncoding.FromStruct(request.Outputs);
        if (TryGetRegistration(request.Urn, out var registration) && registration.Type == WireConstants.StackType)
        {
            _stackOutputs = outputs;
        }

        await mocks.RegisterResourceOutputs(new MockRegisterResourceOutputsRequest { Urn = request.Urn, Outputs = ToPlain(outputs) })
            .ConfigureAwait(false);
    }

    public async Task<ResourceInvokeResponse> InvokeAsync(ResourceInvokeRequest request)
    {
        var args = StructEncoding.FromStruct(request.Args);
        object result;
        if (request.Tok == "pulumi:pulumi:getResource"
            && args.TryGetValue("urn", out var urnValue) && urnValue.Kind == PropertyValueKind.String
            && TryGetRegistration(urnValue.StringValue, out var registration))
        {
            result = new Dictionary<string, object?>
            {
                ["urn"] = registration.Urn,
                ["id"] = registration.Id,
                ["state"] = PropertyValue.CreateObject(registration.Outputs),
            };
        }
        else
        {
            result = await mocks.CallAsync(new MockCallArgs { Token = request.Tok, Args = ToPlain(args), Provider = request.Provider })
                .ConfigureAwait(false);
        }

        return new ResourceInvokeResponse { Return = StructEncoding.ToStruct(await SerializeStateAsync(result).ConfigureAwait(false)) };
    }

    public Task<bool> SignalAndWaitForShutdownAsync() => Task.FromResult(true);

    private static RegistrationOptions OptionsOf(RegisterResourceRequest request) => new()
    {
        Protect = request.HasProtect ? request.Protect : null,
        RetainOnDelete = request.HasRetainOnDelete ? request.RetainOnDelete : null,
        DeleteBeforeReplace = request.DeleteBeforeReplaceDefined ? request.DeleteBeforeReplace : null,
        Version = request.Version,
        PluginDownloadUrl = request.PluginDownloadURL,
        ImportId = request.ImportId,
        DeletedWith = request.DeletedWith,
        IgnoreChanges = [.. request.IgnoreChanges],
        ReplaceOnChanges = [.. request.ReplaceOnChanges],
        AdditionalSecretOutputs = [.. request.AdditionalSecretOutputs],
        Aliases = [.. request.Aliases.Select(a => a.AliasCase == Protocol.Rpc.Alias.AliasOneofCase.Urn
            ? a.Urn
            : $"name={a.Spec.Name},type={a.Spec.Type},stack={a.Spec.Stack},project={a.Spec.Project},parent={(a.Spec.NoParent ? "(none)" : a.Spec.ParentUrn)}")],
        CustomTimeouts = request.CustomTimeouts is { } t ? (t.Create, t.Update, t.Delete, t.Read) : null,
        Providers = request.Providers.ToImmutableSortedDictionary(StringComparer.Ordinal),
    };

    private async Task<ImmutableSortedDictionary<string, PropertyValue>> SerializeStateAsync(object? state)
    {
        var value = await _serializer.SerializeAsync("mock state", state, new HashSet<Resource>()).ConfigureAwait(false);
        return value.Kind switch
        {
            PropertyValueKind.Null => ImmutableSortedDictionary<string, PropertyValue>.Empty,
            PropertyValueKind.Object => value.ObjectValue,
            _ => throw new InvalidOperationException($"Mocks must return an object or dictionary as state, not a {value.Kind}."),
        };
    }

    private bool TryGetRegistration(string urn, out ResourceRegistration registration)
    {
        lock (_gate)
        {
            return _byUrn.TryGetValue(urn, out registration!);
        }
    }

    private string UrnFor(string type, string name, string parent)
    {
        var qualifiedType = type;
        if (!string.IsNullOrEmpty(parent) && TryGetRegistration(parent, out var parentRegistration)
            && parentRegistration.Type != WireConstants.StackType)
        {
            qualifiedType = parent[Urns.Prefix.Length..].Split("::", 4)[2] + "$" + type;
        }

        return Urns.Create(options.StackName, options.ProjectName, qualifiedType, name);
    }

    private void Record(
        string urn,
        string type,
        string name,
        string parent,
        bool custom,
        string? id,
        ImmutableSortedDictionary<string, PropertyValue> inputs,
        ImmutableSortedDictionary<string, PropertyValue> outputs,
        bool isRead,
        RegisterResourceRequest? register)
    {
        var registration = new ResourceRegistration
        {
            Type = type,
            Name = name,
            Urn = urn,
            Parent = parent,
            Custom = custom,
            IsRead = isRead,
            Id = id,
            Inputs = inputs,
            Outputs = outputs,
            Dependencies = register is null ? [] : [.. register.Dependencies],
            PropertyDependencies = register is null
                ? ImmutableSortedDictionary<string, ImmutableArray<string>>.Empty
                : register.PropertyDependencies.ToImmutableSortedDictionary(p => p.Key, p => p.Value.Urns.ToImmutableArray(), StringComparer.Ordinal),
            Provider = register?.Provider ?? string.Empty,
            Options = register is null ? new RegistrationOptions() : OptionsOf(register),
        };
        lock (_gate)
        {
            if (!_byUrn.TryAdd(urn, registration))
            {
                throw new InvalidOperationException($"Duplicate resource URN '{urn}'; try giving it a unique name.");
            }

            _registrations.Add(registration);
        }
    }
}
