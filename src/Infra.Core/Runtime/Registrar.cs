using System.Collections.Concurrent;
using System.Collections.Immutable;
using Infra.Protocol;
using Infra.Protocol.Rpc;
using Infra.Protocol.Values;
using Infra.Serialization;

namespace Infra.Runtime;

/// <summary>
/// Registers resources with the monitor: validates synchronously in the constructor (so bad input
/// throws before anything is sent), then serializes and sends asynchronously, tracked by the runner.
/// </summary>
internal sealed partial class Registrar(Deployment deployment)
{
    private readonly ConcurrentDictionary<string, Resource> _urns = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<Resource> _resources = new();

    /// <summary>Every resource created so far, in construction order.</summary>
    public ImmutableArray<Resource> Resources => [.. _resources];

    public Output<string> Register(Resource resource, ResourceArgs args, ResourceOptions options)
    {
        var type = resource.GetResourceType();
        var name = resource.GetResourceName();
        var isStack = type == WireConstants.StackType && deployment.Stack is null && options.Parent is null;

        EnsureAccepting(type, name);
        ValidateOrThrow(resource, type, name, options);

        var parent = options.Parent ?? (isStack ? null : deployment.Stack);
        if (parent is null && !isStack)
        {
            throw new InvalidOperationException(
                $"{type} '{name}' was created before the stack: create resources inside the Stack constructor or the function given to Deployment.RunAsync.");
        }

        if (isStack)
        {
            deployment.Stack = (Stack)resource;
        }

        resource.ParentResource = parent;
        parent?.AddChild(resource);
        resource.QualifiedType = parent is null or Stack ? type : parent.QualifiedType + "$" + type;
        resource.ComputedUrn = Urns.Create(deployment.StackName, deployment.ProjectName, resource.QualifiedType, name);
        if (!_urns.TryAdd(resource.ComputedUrn, resource))
        {
            throw new ArgumentException(
                $"Duplicate resource URN '{resource.ComputedUrn}': a {type} named '{name}' already exists under the same parent type; "
                + "give it a unique name (children are usually named after their parent, e.g. '<parent>-<role>').");
        }

        _resources.Enqueue(resource);
        resource.Providers = ComputeProviders(parent, options);
        resource.InheritedProtect = options.Protect ?? parent?.InheritedProtect ?? false;
        resource.InheritedRetainOnDelete = options.RetainOnDelete ?? parent?.InheritedRetainOnDelete ?? false;
        resource.InheritedDeletedWith = options.DeletedWith ?? parent?.InheritedDeletedWith;

        var urn = new OutputCompletionSource<string>();
        var outputs = CreateOutputSources(resource);
        var registration = RegisterAsync(resource, args, options, parent, urn, outputs);
        deployment.Runner.Track($"registration of {resource}", registration);
        return urn.Output;
    }

    public void RegisterOutputs(Resource resource, ImmutableDictionary<string, object?> outputs)
    {
        EnsureAccepting(resource.GetResourceType(), resource.GetResourceName());
        deployment.Runner.Track($"outputs of {resource}", RegisterOutputsAsync(resource, outputs));
    }

    private static ImmutableDictionary<string, ProviderResource> ComputeProviders(Resource? parent, ResourceOptions options)
    {
        var providers = parent?.Providers ?? ImmutableDictionary<string, ProviderResource>.Empty;
        if (options is ComponentResourceOptions component)
        {
            foreach (var provider in component.Providers)
            {
                providers = providers.SetItem(provider.Package, provider);
            }
        }

        if (options.Provider is { } explicitProvider)
        {
            providers = providers.SetItem(explicitProvider.Package, explicitProvider);
        }

        return providers;
    }

    private static Dictionary<string, IOutputCompletionSource> CreateOutputSources(Resource resource)
    {
        var sources = new Dictionary<string, IOutputCompletionSource>(StringComparer.Ordinal);
        if (!resource.IsCustom)
        {
            return sources;
        }

        foreach (var property in OutputProperty.Of(resource.GetType()))
        {
            var source = property.CreateSource();
            property.Assign(resource, source.Output);
            sources[property.Name] = source;
        }

        return sources;
    }

    private void EnsureAccepting(string type, string name)
    {
        if (deployment.Runner.Failure is { } failure)
        {
            throw new InvalidOperationException(
                $"Cannot register {type} '{name}': the program already failed ({failure}). Nothing is registered after a failure, and nothing will be deleted.");
        }

        if (deployment.Runner.IsFinished)
        {
            throw new InvalidOperationException(
                $"Cannot register {type} '{name}': the program already finished. Create resources in the stack constructor, never later (e.g. not inside Apply).");
        }
    }

    private static void ValidateOrThrow(Resource resource, string type, string name, ResourceOptions options)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(name))
        {
            problems.Add("name: must not be empty");
        }
        else if (name.Contains("::", StringComparison.Ordinal))
        {
            problems.Add($"name: must not contain '::' (was '{name}')");
        }

        if (string.IsNullOrWhiteSpace(type))
        {
            problems.Add("type: must not be empty");
        }
        else if (resource.IsCustom && (type.Split(':') is not { Length: 3 } parts || parts.Any(p => p.Length == 0)))
        {
            problems.Add($"type: a custom resource type must have three parts 'package:module:Type' (was '{type}')");
        }

        if (options.Version is { } version && !Semver.IsValid(version))
        {
            problems.Add($"options.Version: must be strict semver without a leading 'v', e.g. 4.18.1 (was '{version}')");
        }

        for (var i = 0; i < options.Aliases.Count; i++)
        {
            var alias = options.Aliases[i];
            if (alias.Urn is { } aliasUrn && !Urns.IsValid(aliasUrn))
            {
                problems.Add($"options.Aliases[{i}].Urn: must be a URN 'urn:pulumi:<stack>::<project>::<type>::<name>' (was '{aliasUrn}')");
            }

            if (alias.ParentUrn is { } parentUrn && !Urns.IsValid(parentUrn))
            {
                problems.Add($"options.Aliases[{i}].ParentUrn: must be a URN 'urn:pulumi:<stack>::<project>::<type>::<name>' (was '{parentUrn}')");
            }
        }

        if (options.Parent is { } parent && ReferenceEquals(parent, resource))
        {
            problems.Add("options.Parent: a resource cannot be its own parent");
        }

        if (options.Provider is { } provider && resource.IsCustom && provider.Package != Urns.PackageOf(type)
            && resource is not ProviderResource)
        {
            problems.Add($"options.Provider: a '{provider.Package}' provider cannot manage a '{Urns.PackageOf(type)}' resource");
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException($"Invalid resource {type} '{name}':{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", problems));
        }
    }

    private async Task RegisterOutputsAsync(Resource resource, ImmutableDictionary<string, object?> outputs)
    {
        var serializer = new Serializer(await deployment.Features.ResourceReferences.ConfigureAwait(false), keepOutputValues: false);
        var properties = new Dictionary<string, PropertyValue>(StringComparer.Ordinal);
        foreach (var (key, value) in outputs)
        {
            var serialized = await serializer.SerializeAsync($"{resource}.{key}", value, new HashSet<Resource>()).ConfigureAwait(false);
            if (!serialized.IsNull)
            {
                properties[key] = serialized;
            }
        }

        var urn = (await resource.Urn.DataTask.ConfigureAwait(false)).Value;
        await deployment.Monitor.RegisterResourceOutputsAsync(new RegisterResourceOutputsRequest
        {
            Urn = urn,
            Outputs = StructEncoding.ToStruct(properties),
        }).ConfigureAwait(false);
    }
}
