namespace Infra;

/// <summary>
/// How the engine treats a resource (as opposed to its args, which say what it is). Use
/// <see cref="CustomResourceOptions"/> or <see cref="ComponentResourceOptions"/>.
/// </summary>
public abstract class ResourceOptions
{
    private InputList<Resource>? _dependsOn;
    private IList<string>? _ignoreChanges;
    private IList<string>? _replaceOnChanges;
    private IList<Alias>? _aliases;

    private protected ResourceOptions()
    {
    }

    /// <summary>The parent; the resource's URN is built under it and it inherits the parent's providers.</summary>
    public Resource? Parent { get; set; }

    /// <summary>Resources this one depends on in addition to those its inputs reference.</summary>
    public InputList<Resource> DependsOn
    {
        get => _dependsOn ??= [];
        set => _dependsOn = value;
    }

    /// <summary>When true the engine refuses to delete or replace the resource.</summary>
    public bool? Protect { get; set; }

    /// <summary>Input property paths whose changes are ignored when diffing.</summary>
    public IList<string> IgnoreChanges
    {
        get => _ignoreChanges ??= [];
        set => _ignoreChanges = value;
    }

    /// <summary>Input property paths whose changes force a replacement.</summary>
    public IList<string> ReplaceOnChanges
    {
        get => _replaceOnChanges ??= [];
        set => _replaceOnChanges = value;
    }

    /// <summary>The provider plugin version, strict semver without a leading <c>v</c> (e.g. <c>4.18.1</c>).</summary>
    public string? Version { get; set; }

    /// <summary>An explicit provider for this resource's package.</summary>
    public ProviderResource? Provider { get; set; }

    /// <summary>Per-operation timeouts.</summary>
    public CustomTimeouts? CustomTimeouts { get; set; }

    /// <summary>Former identities of this resource.</summary>
    public IList<Alias> Aliases
    {
        get => _aliases ??= [];
        set => _aliases = value;
    }

    /// <summary>When true, deleting the resource from the program only removes it from state.</summary>
    public bool? RetainOnDelete { get; set; }

    /// <summary>When that resource is deleted this one goes with it, so no separate delete is issued.</summary>
    public Resource? DeletedWith { get; set; }

    /// <summary>Where to download the provider plugin from.</summary>
    public string? PluginDownloadUrl { get; set; }

    /// <summary>
    /// The ID of an existing resource to read instead of managing it (a <c>Get</c>). The resource is
    /// then read, never created, updated or deleted.
    /// </summary>
    public Input<string>? Id { get; set; }

    internal bool HasDependsOn => _dependsOn is { IsEmpty: false };
}
