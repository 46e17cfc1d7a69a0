using System.Collections.Immutable;

namespace Infra;

/// <summary>
/// A resource of the deployment: either provider-managed (<see cref="CustomResource"/>) or a logical
/// grouping (<see cref="ComponentResource"/>). Registration with the engine starts in the constructor.
/// </summary>
/// <remarks>
/// The base type exposes its type and name through methods (<see cref="GetResourceType"/>,
/// <see cref="GetResourceName"/>) so that derived resources can still have <c>Type</c> or <c>Name</c>
/// properties of their own.
/// </remarks>
public abstract class Resource
{
    private readonly object _childrenLock = new();
    private readonly HashSet<Resource> _children = [];
    private readonly string _type;
    private readonly string _name;

    private protected Resource(string type, string name, bool custom, ResourceArgs? args, ResourceOptions? options, bool remote, string? packageVersion = null)
    {
        PackageVersion = packageVersion;
        _type = type;
        _name = name;
        IsCustom = custom;
        IsRemote = remote;
        Urn = Deployment.Current.Registrar.Register(this, args ?? ResourceArgs.Empty, options ?? new ComponentResourceOptions());
    }

    /// <summary>A resource known only by reference (rehydrated from the wire); it is never registered.</summary>
    private protected Resource(string urn, bool custom)
    {
        _type = Runtime.Urns.TypeOf(urn);
        _name = Runtime.Urns.NameOf(urn);
        IsCustom = custom;
        ComputedUrn = urn;
        Urn = Output.Create(urn);
    }

    /// <summary>The URN the engine assigned to this resource. Always known, also during preview.</summary>
    [Output("urn")]
    public Output<string> Urn { get; }

    internal bool IsCustom { get; }

    /// <summary>The version of the provider package a typed resource was generated for; sent when <c>options.Version</c> is not set.</summary>
    internal string? PackageVersion { get; }

    internal bool IsRemote { get; }

    internal Resource? ParentResource { get; set; }

    /// <summary>The URN computed client-side from the type chain and name (equal to the engine's).</summary>
    internal string ComputedUrn { get; set; } = string.Empty;

    /// <summary>The type chain used in URNs: parent chain <c>$</c> own type, below the stack.</summary>
    internal string QualifiedType { get; set; } = string.Empty;

    /// <summary>Providers that children of this resource inherit, by package.</summary>
    internal ImmutableDictionary<string, ProviderResource> Providers { get; set; } = ImmutableDictionary<string, ProviderResource>.Empty;

    internal bool InheritedProtect { get; set; }

    internal bool InheritedRetainOnDelete { get; set; }

    internal Resource? InheritedDeletedWith { get; set; }

    /// <summary>Returns the resource type token, e.g. <c>kubernetes:apps/v1:Deployment</c>.</summary>
    public string GetResourceType() => _type;

    /// <summary>Returns the logical name of the resource (the last URN segment).</summary>
    public string GetResourceName() => _name;

    /// <summary>A description for diagnostics: type and name, never values.</summary>
    public override string ToString() => $"{_type} '{_name}'";

    internal void AddChild(Resource child)
    {
        lock (_childrenLock)
        {
            _children.Add(child);
        }
    }

    internal ImmutableArray<Resource> GetChildren()
    {
        lock (_childrenLock)
        {
            return [.. _children];
        }
    }
}
