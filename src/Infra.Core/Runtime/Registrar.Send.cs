using System.Collections.Immutable;
using Infra.Protocol;
using Infra.Protocol.Rpc;
using Infra.Protocol.Values;
using Infra.Serialization;

namespace Infra.Runtime;

/// <summary>The asynchronous half of a registration: gather, serialize, send, resolve outputs.</summary>
internal sealed partial class Registrar
{
    private async Task RegisterAsync(
        Resource resource,
        ResourceArgs args,
        ResourceOptions options,
        Resource? parent,
        OutputCompletionSource<string> urn,
        Dictionary<string, IOutputCompletionSource> outputs)
    {
        // Let the constructor finish before any I/O, like the official SDK's fire-and-forget task.
        await Task.Yield();
        var self = ImmutableHashSet.Create(resource);
        try
        {
            var prepared = await PrepareAsync(resource, args, options, parent).ConfigureAwait(false);
            if (options.Id is { } id && resource.IsCustom)
            {
                await ReadAsync(resource, options, id, prepared, urn, outputs, self).ConfigureAwait(false);
                return;
            }

            var response = await deployment.Monitor.RegisterResourceAsync(prepared.ToRequest(resource, options)).ConfigureAwait(false);
            urn.SetData(OutputData<string>.Known(response.Urn, false, self));
            var allUnknown = response.Result != Result.Success || response.Unknown;
            ResolveId(resource, outputs, response.Id, allUnknown, self);
            var properties = StructEncoding.FromStruct(response.Object);
            foreach (var (name, source) in outputs)
            {
                if (name == "id")
                {
                    continue;
                }

                if (allUnknown)
                {
                    source.SetUnknown(self);
                }
                else
                {
                    source.Resolve(properties.GetValueOrDefault(name), deployment.IsDryRun, self, $"{resource}.{name}");
                }
            }

            if (response.Result == Result.Fail)
            {
                // The engine reported the failure itself; stop registering more resources quietly.
                deployment.Runner.Fail(new ResourceFailedException(resource));
            }
        }
        catch (Exception e)
        {
            var failure = e is ResourceFailedException or ResourceException ? e : new ResourceException(e.Message, resource, e);
            deployment.Runner.MarkFailed(failure);
            urn.SetException(failure);
            foreach (var source in outputs.Values)
            {
                source.SetException(failure);
            }

            throw failure;
        }
        finally
        {
            foreach (var source in outputs.Values)
            {
                source.SetUnknown(self);
            }

            urn.SetUnknown(self);
        }
    }

    private static void ResolveId(Resource resource, Dictionary<string, IOutputCompletionSource> outputs, string id, bool allUnknown, ImmutableHashSet<Resource> self)
    {
        if (!resource.IsCustom || !outputs.TryGetValue("id", out var source))
        {
            return;
        }

        var known = !allUnknown && !string.IsNullOrEmpty(id) && !WireConstants.IsUnknownSentinel(id);
        if (known)
        {
            ((OutputCompletionSource<string>)source).SetData(OutputData<string>.Known(id, false, self));
        }
        else
        {
            source.SetUnknown(self);
        }
    }

    private async Task ReadAsync(
        Resource resource,
        ResourceOptions options,
        Input<string> id,
        PreparedRegistration prepared,
        OutputCompletionSource<string> urn,
        Dictionary<string, IOutputCompletionSource> outputs,
        ImmutableHashSet<Resource> self)
    {
        var idData = await id.ToOutput().DataTask.ConfigureAwait(false);
        if (!idData.IsKnown)
        {
            throw new ResourceException($"{resource}: the ID to read is unknown; reads need a known ID.", resource);
        }

        var request = new ReadResourceRequest
        {
            Id = idData.Value,
            Type = resource.GetResourceType(),
            Name = resource.GetResourceName(),
            Parent = prepared.ParentUrn,
            Properties = StructEncoding.ToStruct(prepared.Values()),
            Provider = prepared.ProviderReference,
            Version = options.Version ?? resource.PackageVersion ?? string.Empty,
            AcceptSecrets = true,
            AcceptResources = prepared.KeepResources,
            PluginDownloadURL = options.PluginDownloadUrl ?? string.Empty,
        };
        request.Dependencies.AddRange(prepared.Dependencies);
        if (options is CustomResourceOptions custom)
        {
            request.AdditionalSecretOutputs.AddRange(custom.AdditionalSecretOutputs);
        }

        var response = await deployment.Monitor.ReadResourceAsync(request).ConfigureAwait(false);
        urn.SetData(OutputData<string>.Known(response.Urn, false, self));
        ResolveId(resource, outputs, idData.Value, allUnknown: false, self);
        var properties = StructEncoding.FromStruct(response.Properties);
        foreach (var (name, source) in outputs)
        {
            if (name != "id")
            {
                source.Resolve(properties.GetValueOrDefault(name), deployment.IsDryRun, self, $"{resource}.{name}");
            }
        }
    }

    private async Task<PreparedRegistration> PrepareAsync(Resource resource, ResourceArgs args, ResourceOptions options, Resource? parent)
    {
        var explicitDependencies = new HashSet<Resource>();
        if (options.HasDependsOn)
        {
            var data = await options.DependsOn.ToOutput().DataTask.ConfigureAwait(false);
            explicitDependencies.UnionWith(data.Resources);
            if (data.IsKnown)
            {
                explicitDependencies.UnionWith(data.Value.Where(r => r is not null));
            }
        }

        var keepResources = await deployment.Features.ResourceReferences.ConfigureAwait(false);
        var keepOutputValues = resource.IsRemote && await deployment.Features.OutputValues.ConfigureAwait(false);
        var serializer = new Serializer(keepResources, keepOutputValues);
        var properties = await serializer.SerializeArgsAsync(resource.ToString(), args).ConfigureAwait(false);

        var parentUrn = parent is null ? string.Empty : (await parent.Urn.DataTask.ConfigureAwait(false)).Value;

        var providerReference = string.Empty;
        var providerRefs = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        if (resource.IsCustom)
        {
            var provider = options.Provider ?? resource.Providers.GetValueOrDefault(Urns.PackageOf(resource.GetResourceType()));
            if (provider is not null && resource is not ProviderResource)
            {
                providerReference = await ProviderReferenceAsync(provider).ConfigureAwait(false);
            }
        }
        else
        {
            foreach (var (package, provider) in resource.Providers)
            {
                providerRefs[package] = await ProviderReferenceAsync(provider).ConfigureAwait(false);
            }
        }

        var allDependencies = new SortedSet<string>(StringComparer.Ordinal);
        await AddUrnsAsync(resource, explicitDependencies, allDependencies).ConfigureAwait(false);
        var propertyDependencies = ImmutableSortedDictionary.CreateBuilder<string, ImmutableArray<string>>(StringComparer.Ordinal);
        foreach (var (key, property) in properties)
        {
            if (property.Dependencies.IsEmpty)
            {
                propertyDependencies[key] = [];
                continue;
            }

            var urns = new SortedSet<string>(StringComparer.Ordinal);
            await AddUrnsAsync(resource, property.Dependencies, urns).ConfigureAwait(false);
            propertyDependencies[key] = [.. urns];
            allDependencies.UnionWith(urns);
        }

        var deletedWith = string.Empty;
        if (resource.InheritedDeletedWith is { } deletedWithResource)
        {
            deletedWith = (await deletedWithResource.Urn.DataTask.ConfigureAwait(false)).Value;
        }

        var aliases = new List<Protocol.Rpc.Alias>();
        foreach (var alias in options.Aliases)
        {
            aliases.Add(await ToWireAliasAsync(alias).ConfigureAwait(false));
        }

        return new PreparedRegistration(
            properties,
            parentUrn,
            providerReference,
            providerRefs.ToImmutable(),
            [.. allDependencies],
            propertyDependencies.ToImmutable(),
            deletedWith,
            aliases,
            keepResources);
    }

    private static async Task<string> ProviderReferenceAsync(ProviderResource provider)
    {
        var providerUrn = (await provider.Urn.DataTask.ConfigureAwait(false)).Value;
        var id = await provider.Id.DataTask.ConfigureAwait(false);
        var idText = id.IsKnown && !string.IsNullOrEmpty(id.Value) ? id.Value : WireConstants.UnknownStringSentinel;
        return $"{providerUrn}::{idText}";
    }

    /// <summary>
    /// Adds the URNs a set of resources stands for: custom resources and remote components as
    /// themselves, local components as all their (transitive) custom children. Ancestors of the
    /// registering resource are skipped (depending on them would wait on oneself).
    /// </summary>
    private static async Task AddUrnsAsync(Resource registering, IEnumerable<Resource> resources, ISet<string> urns)
    {
        foreach (var dependency in resources)
        {
            if (ReferenceEquals(dependency, registering) || IsAncestor(dependency, registering))
            {
                continue;
            }

            if (dependency.IsCustom || dependency.IsRemote)
            {
                var data = await dependency.Urn.DataTask.ConfigureAwait(false);
                if (data.IsKnown && !string.IsNullOrEmpty(data.Value))
                {
                    urns.Add(data.Value);
                }

                continue;
            }

            await AddUrnsAsync(registering, dependency.GetChildren(), urns).ConfigureAwait(false);
        }
    }

    private static bool IsAncestor(Resource candidate, Resource resource)
    {
        for (var current = resource.ParentResource; current is not null; current = current.ParentResource)
        {
            if (ReferenceEquals(current, candidate))
            {
                return true;
            }
        }

        return false;
    }

    private static async Task<Protocol.Rpc.Alias> ToWireAliasAsync(Alias alias)
    {
        if (alias.Urn is { } urn)
        {
            return new Protocol.Rpc.Alias { Urn = urn };
        }

        var spec = new Protocol.Rpc.Alias.Types.Spec
        {
            Name = alias.Name ?? string.Empty,
            Type = alias.Type ?? string.Empty,
            Stack = alias.Stack ?? string.Empty,
            Project = alias.Project ?? string.Empty,
        };
        if (alias.NoParent)
        {
            spec.NoParent = true;
        }
        else if (alias.ParentUrn is { } parentUrn)
        {
            spec.ParentUrn = parentUrn;
        }
        else if (alias.Parent is { } parent)
        {
            spec.ParentUrn = (await parent.Urn.DataTask.ConfigureAwait(false)).Value;
        }

        return new Protocol.Rpc.Alias { Spec = spec };
    }
}
