using System.Collections.Immutable;
using Infra.Protocol.Rpc;
using Infra.Protocol.Values;
using Infra.Serialization;

namespace Infra.Runtime;

/// <summary>Everything gathered for a registration before it is sent.</summary>
internal sealed record PreparedRegistration(
    ImmutableSortedDictionary<string, SerializedProperty> Properties,
    string ParentUrn,
    string ProviderReference,
    ImmutableSortedDictionary<string, string> ProviderReferences,
    ImmutableArray<string> Dependencies,
    ImmutableSortedDictionary<string, ImmutableArray<string>> PropertyDependencies,
    string DeletedWith,
    List<Protocol.Rpc.Alias> Aliases,
    bool KeepResources)
{
    /// <summary>The serialized input values by wire name.</summary>
    public ImmutableSortedDictionary<string, PropertyValue> Values()
    {
        var builder = ImmutableSortedDictionary.CreateBuilder<string, PropertyValue>(StringComparer.Ordinal);
        foreach (var (key, property) in Properties)
        {
            builder.Add(key, property.Value);
        }

        return builder.ToImmutable();
    }

    public RegisterResourceRequest ToRequest(Resource resource, ResourceOptions options)
    {
        var request = new RegisterResourceRequest
        {
            Type = resource.GetResourceType(),
            Name = resource.GetResourceName(),
            Parent = ParentUrn,
            Custom = resource.IsCustom,
            Object = StructEncoding.ToStruct(Values()),
            Provider = ProviderReference,
            Version = options.Version ?? resource.PackageVersion ?? string.Empty,
            AcceptSecrets = true,
            AcceptResources = KeepResources,
            SupportsPartialValues = true,
            SupportsResultReporting = true,
            AliasSpecs = true,
            Remote = resource.IsRemote,
            PluginDownloadURL = options.PluginDownloadUrl ?? string.Empty,
            DeletedWith = DeletedWith,
        };
        request.Dependencies.AddRange(Dependencies);
        foreach (var (key, urns) in PropertyDependencies)
        {
            var dependencies = new RegisterResourceRequest.Types.PropertyDependencies();
            dependencies.Urns.AddRange(urns);
            request.PropertyDependencies[key] = dependencies;
        }

        foreach (var (package, reference) in ProviderReferences)
        {
            request.Providers[package] = reference;
        }

        if (resource.InheritedProtect)
        {
            request.Protect = true;
        }
        else if (options.Protect is false)
        {
            request.Protect = false;
        }

        if (resource.InheritedRetainOnDelete)
        {
            request.RetainOnDelete = true;
        }
        else if (options.RetainOnDelete is false)
        {
            request.RetainOnDelete = false;
        }

        request.IgnoreChanges.AddRange(options.IgnoreChanges);
        request.ReplaceOnChanges.AddRange(options.ReplaceOnChanges);
        request.Aliases.AddRange(Aliases);
        if (options.CustomTimeouts is { } timeouts)
        {
            request.CustomTimeouts = new RegisterResourceRequest.Types.CustomTimeouts
            {
                Create = CustomTimeouts.ToGoDuration(timeouts.Create),
                Update = CustomTimeouts.ToGoDuration(timeouts.Update),
                Delete = CustomTimeouts.ToGoDuration(timeouts.Delete),
                Read = CustomTimeouts.ToGoDuration(timeouts.Read),
            };
        }

        if (options is CustomResourceOptions custom)
        {
            if (custom.DeleteBeforeReplace is { } deleteBeforeReplace)
            {
                request.DeleteBeforeReplace = deleteBeforeReplace;
                request.DeleteBeforeReplaceDefined = true;
            }

            request.AdditionalSecretOutputs.AddRange(custom.AdditionalSecretOutputs);
            request.ImportId = custom.ImportId ?? string.Empty;
        }

        return request;
    }
}
