using System.Collections.Immutable;
using Grpc.Core;
using Infra.Engine.Deployments.Events;
using Infra.Engine.Execution;
using Infra.Engine.Planning;
using Infra.Engine.Providers;
using Infra.Engine.State;
using Infra.Protocol;
using Infra.Protocol.Rpc;
using Infra.Protocol.Values;

namespace Infra.Engine.Server;

internal sealed partial class MonitorSession
{
    /// <summary>RegisterResource: validate, plan, execute, answer.</summary>
    public Task<RegisterResourceResponse> RegisterResourceAsync(RegisterResourceRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequestValidator.ThrowIfAny("RegisterResource", RequestValidator.Validate(request));
        return TrackAsync(() => RegisterCoreAsync(request));
    }

    private async Task<RegisterResourceResponse> RegisterCoreAsync(RegisterResourceRequest request)
    {
        var parent = request.Parent.Length == 0 ? null : request.Parent;
        var urn = ResourceUrn.Create(_options.Stack, _options.Project, parent, request.Type, request.Name);
        var inputs = WireValues.Downgrade(StructEncoding.FromStruct(request.Object));
        var isProvider = ProviderReference.IsProviderType(request.Type);
        if (isProvider && request.Version.Length > 0 && !inputs.ContainsKey(DefaultProviders.VersionKey))
        {
            inputs = inputs.SetItem(DefaultProviders.VersionKey, PropertyValue.Create(request.Version));
        }

        Step step;
        try
        {
            var provider = request.Custom && !isProvider
                ? await ResolveProviderAsync(request.Type, request.Provider, request.Providers, parent, request.Version).ConfigureAwait(false)
                : null;
            var goal = new ResourceGoal
            {
                Type = request.Type,
                Name = request.Name,
                Parent = parent,
                Custom = request.Custom,
                Inputs = inputs,
                Protect = request.HasProtect && request.Protect,
                DeleteBeforeReplace = request.DeleteBeforeReplace,
                DeleteBeforeReplaceDefined = request.DeleteBeforeReplaceDefined,
                IgnoreChanges = [.. request.IgnoreChanges],
                ReplaceOnChanges = [.. request.ReplaceOnChanges],
                RetainOnDelete = request.HasRetainOnDelete && request.RetainOnDelete,
                DeletedWith = request.DeletedWith.Length == 0 ? null : request.DeletedWith,
                Aliases = ResolveAliases(request, parent),
                CustomTimeouts = ParseTimeouts(request.CustomTimeouts),
                Provider = provider,
                Version = request.Version.Length == 0 ? null : request.Version,
                Dependencies = [.. request.Dependencies.Distinct(StringComparer.Ordinal)],
                PropertyDependencies = request.PropertyDependencies.ToImmutableSortedDictionary(
                    p => p.Key, p => p.Value.Urns.ToImmutableArray(), StringComparer.Ordinal),
                ImportId = request.ImportId.Length == 0 ? null : request.ImportId,
                AdditionalSecretOutputs = [.. request.AdditionalSecretOutputs],
            };
            step = await _options.Planner.PlanAsync(goal, _runToken).ConfigureAwait(false);
        }
        catch (NotTargetedException ex)
        {
            return await NotTargetedAsync(request.SupportsResultReporting, ex).ConfigureAwait(false);
        }
        catch (PlanningException ex)
        {
            await ReportFailureAsync(ex.Urn ?? urn, ex.Message).ConfigureAwait(false);
            return Failed(request.SupportsResultReporting, urn);
        }
        catch (OperationCanceledException) when (_runToken.IsCancellationRequested)
        {
            throw ShuttingDown();
        }

        var registration = new Registration(step.Urn, request.Custom, InheritedProviders(request, parent), parent);
        _registered[step.Urn] = registration;

        var result = await ExecuteAsync(step).ConfigureAwait(false);
        if (result.Status != StepStatus.Succeeded)
        {
            return Failed(request.SupportsResultReporting, step.Urn);
        }

        var state = result.New ?? step.New;
        var response = new RegisterResourceResponse { Urn = step.Urn, Result = Result.Success };
        if (request.Custom && state is not null)
        {
            response.Id = state.Id ?? (isProvider ? WireConstants.UnknownStringSentinel : string.Empty);
            response.Object = StructEncoding.ToStruct(WireValues.ForProgram(
                state.Outputs, request.AcceptSecrets, request.AcceptResources, request.SupportsPartialValues));
        }
        else
        {
            response.Object = new Google.Protobuf.WellKnownTypes.Struct();
        }

        return response;
    }

    /// <summary>ReadResource: a read step through the resource's provider (StackReference through the built-in <c>pulumi</c> provider).</summary>
    public Task<ReadResourceResponse> ReadResourceAsync(ReadResourceRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequestValidator.ThrowIfAny("ReadResource", RequestValidator.Validate(request));
        return TrackAsync(() => ReadCoreAsync(request));
    }

    private async Task<ReadResourceResponse> ReadCoreAsync(ReadResourceRequest request)
    {
        var parent = request.Parent.Length == 0 ? null : request.Parent;
        var urn = ResourceUrn.Create(_options.Stack, _options.Project, parent, request.Type, request.Name);
        Step step;
        try
        {
            var provider = await ResolveProviderAsync(request.Type, request.Provider, null, parent, request.Version).ConfigureAwait(false);
            var goal = new ResourceGoal
            {
                Type = request.Type,
                Name = request.Name,
                Parent = parent,
                Custom = true,
                Inputs = WireValues.Downgrade(StructEncoding.FromStruct(request.Properties)),
                Provider = provider,
                Version = request.Version.Length == 0 ? null : request.Version,
                Dependencies = [.. request.Dependencies.Distinct(StringComparer.Ordinal)],
                AdditionalSecretOutputs = [.. request.AdditionalSecretOutputs],
            };
            step = await _options.Planner.PlanReadAsync(goal, request.Id, _runToken).ConfigureAwait(false);
        }
        catch (PlanningException ex)
        {
            await ReportFailureAsync(ex.Urn ?? urn, ex.Message).ConfigureAwait(false);
            throw new RpcException(new Status(StatusCode.Unknown, ex.Message));
        }
        catch (OperationCanceledException) when (_runToken.IsCancellationRequested)
        {
            throw ShuttingDown();
        }

        _registered[step.Urn] = new Registration(step.Urn, custom: true, ImmutableSortedDictionary<string, string>.Empty, parent);
        var result = await ExecuteAsync(step).ConfigureAwait(false);
        if (result.Status != StepStatus.Succeeded || result.New is null)
        {
            throw new RpcException(new Status(StatusCode.Unknown, result.Message ?? $"Reading '{step.Urn}' failed."));
        }

        return new ReadResourceResponse
        {
            Urn = step.Urn,
            Properties = StructEncoding.ToStruct(WireValues.ForProgram(
                result.New.Outputs, request.AcceptSecrets, request.AcceptResources, supportsPartialValues: true)),
        };
    }

    /// <summary>Invoke: calls the function on the explicit or default provider of its package.</summary>
    public Task<ResourceInvokeResponse> InvokeAsync(ResourceInvokeRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequestValidator.ThrowIfAny("Invoke", RequestValidator.Validate(request));
        return TrackAsync(async () =>
        {
            IResourceProvider provider;
            try
            {
                var reference = request.Provider.Length > 0
                    ? request.Provider
                    : await DefaultProviderAsync(ResourceUrn.PackageOf(request.Tok), request.Version.Length == 0 ? null : request.Version).ConfigureAwait(false);
                provider = _options.Registry.Get(reference);
            }
            catch (Exception ex) when (ex is PlanningException or ProviderNotFoundException)
            {
                throw new RpcException(new Status(StatusCode.FailedPrecondition, $"Invoke of '{request.Tok}' failed: {ex.Message}"));
            }

            InvokeResult result;
            try
            {
                result = await provider.InvokeAsync(
                    new InvokeRequest { Token = request.Tok, Args = WireValues.Downgrade(StructEncoding.FromStruct(request.Args)) },
                    _runToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                throw new RpcException(new Status(StatusCode.Unknown, $"Invoke of '{request.Tok}' failed: {ex.Message}"));
            }

            var response = new ResourceInvokeResponse { Return = StructEncoding.ToStruct(result.Return) };
            response.Failures.AddRange(result.Failures.Select(f => new Protocol.Rpc.CheckFailure { Property = f.Property, Reason = f.Reason }));
            return response;
        });
    }

    private async Task<StepResult> ExecuteAsync(Step step)
    {
        var result = await _options.Executor.ExecuteAsync(step, _runToken).ConfigureAwait(false);
        if (result.Status == StepStatus.Skipped && _runToken.IsCancellationRequested)
        {
            throw ShuttingDown();
        }

        return result;
    }

    /// <summary>
    /// A resource <c>--target</c> excludes that does not exist yet: <c>SKIP</c> (not a failure) when the program
    /// supports result reporting, else a failed registration with an error naming the URN.
    /// </summary>
    private async Task<RegisterResourceResponse> NotTargetedAsync(bool supportsResultReporting, NotTargetedException ex)
    {
        if (supportsResultReporting)
        {
            await _options.Events.EmitAsync(new DiagnosticEvent(DiagnosticSeverity.Info, ex.Message, ex.Urn)).ConfigureAwait(false);
            return new RegisterResourceResponse { Urn = ex.Urn, Result = Result.Skip, Object = new Google.Protobuf.WellKnownTypes.Struct() };
        }

        await ReportFailureAsync(ex.Urn, ex.Message).ConfigureAwait(false);
        return Failed(supportsResultReporting: false, ex.Urn);
    }

    private static RegisterResourceResponse Failed(bool supportsResultReporting, string urn)
    {
        if (!supportsResultReporting)
        {
            throw new RpcException(new Status(StatusCode.Internal, "resource registration failed"));
        }

        return new RegisterResourceResponse { Urn = urn, Result = Result.Fail, Object = new Google.Protobuf.WellKnownTypes.Struct() };
    }

    /// <summary>The provider reference of a custom resource: explicit, then <c>providers[pkg]</c>, then the parents' maps, then the default provider.</summary>
    private async Task<string> ResolveProviderAsync(
        string type,
        string explicitProvider,
        Google.Protobuf.Collections.MapField<string, string>? providers,
        string? parent,
        string version)
    {
        var package = ResourceUrn.PackageOf(type);
        if (explicitProvider.Length > 0)
        {
            return explicitProvider;
        }

        if (providers is not null && providers.TryGetValue(package, out var fromMap) && fromMap.Length > 0)
        {
            return fromMap;
        }

        for (var current = parent; current is not null && _registered.TryGetValue(current, out var registration); current = registration.Parent)
        {
            if (registration.Providers.TryGetValue(package, out var inherited))
            {
                return inherited;
            }
        }

        return await DefaultProviderAsync(package, version.Length == 0 ? null : version).ConfigureAwait(false);
    }

    private ImmutableSortedDictionary<string, string> InheritedProviders(RegisterResourceRequest request, string? parent)
    {
        var providers = parent is not null && _registered.TryGetValue(parent, out var parentRegistration)
            ? parentRegistration.Providers
            : ImmutableSortedDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal);
        foreach (var (package, reference) in request.Providers)
        {
            providers = providers.SetItem(package, reference);
        }

        if (request.Custom && request.Provider.Length > 0 && !ProviderReference.IsProviderType(request.Type))
        {
            providers = providers.SetItem(ResourceUrn.PackageOf(request.Type), request.Provider);
        }

        return providers;
    }

    private Task<string> DefaultProviderAsync(string package, string? version) =>
        _defaultProviders.GetOrAdd(
            $"{package}\n{version}",
            _ => new Lazy<Task<string>>(() => CreateDefaultProviderAsync(package, version))).Value;

    private async Task<string> CreateDefaultProviderAsync(string package, string? version)
    {
        await Task.Yield();
        if (DefaultProviders.IsDisabled(package, _configValues))
        {
            throw new PlanningException(
                null,
                $"Default provider for package '{package}' is disabled by config '{DefaultProviders.DisableKey}'; " +
                $"resources of package '{package}' need an explicit provider.");
        }

        var step = await _options.Planner.PlanAsync(DefaultProviders.Goal(package, version, _configValues), _runToken).ConfigureAwait(false);
        var result = await ExecuteAsync(step).ConfigureAwait(false);
        if (result.Status != StepStatus.Succeeded)
        {
            throw new PlanningException(step.Urn, result.Message ?? $"Creating the default provider '{step.Urn}' failed.");
        }

        _registered[step.Urn] = new Registration(step.Urn, custom: true, ImmutableSortedDictionary<string, string>.Empty, parent: null);
        return new ProviderReference(step.Urn, result.New?.Id ?? WireConstants.UnknownStringSentinel).ToString();
    }

    private ImmutableArray<string> ResolveAliases(RegisterResourceRequest request, string? parent)
    {
        if (request.AliasURNs.Count == 0 && request.Aliases.Count == 0)
        {
            return [];
        }

        var aliases = ImmutableArray.CreateBuilder<string>();
        aliases.AddRange(request.AliasURNs);
        foreach (var alias in request.Aliases)
        {
            if (alias.AliasCase == Alias.AliasOneofCase.Urn)
            {
                aliases.Add(alias.Urn);
            }
            else if (alias.AliasCase == Alias.AliasOneofCase.Spec)
            {
                var spec = alias.Spec;
                var aliasParent = spec.ParentCase switch
                {
                    Alias.Types.Spec.ParentOneofCase.NoParent => null,
                    Alias.Types.Spec.ParentOneofCase.ParentUrn => spec.ParentUrn,
                    _ => parent,
                };
                aliases.Add(ResourceUrn.Create(
                    spec.Stack.Length > 0 ? spec.Stack : _options.Stack,
                    spec.Project.Length > 0 ? spec.Project : _options.Project,
                    aliasParent,
                    spec.Type.Length > 0 ? spec.Type : request.Type,
                    spec.Name.Length > 0 ? spec.Name : request.Name));
            }
        }

        return aliases.ToImmutable();
    }

    private static ResourceTimeouts? ParseTimeouts(RegisterResourceRequest.Types.CustomTimeouts? timeouts)
    {
        if (timeouts is null)
        {
            return null;
        }

        var create = Seconds(timeouts.Create);
        var update = Seconds(timeouts.Update);
        var delete = Seconds(timeouts.Delete);
        var read = Seconds(timeouts.Read);
        return create == 0 && update == 0 && delete == 0 && read == 0 ? null : new ResourceTimeouts(create, update, delete, read);
    }

    private static double Seconds(string duration) => GoDuration.TryParseSeconds(duration, out var seconds) ? seconds : 0;
}
