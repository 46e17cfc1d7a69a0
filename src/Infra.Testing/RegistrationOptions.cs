using System.Collections.Immutable;

namespace Infra.Testing;

/// <summary>The resource options of a registration as they went on the wire.</summary>
public sealed record RegistrationOptions
{
    /// <summary>Protect, when sent.</summary>
    public bool? Protect { get; init; }

    /// <summary>RetainOnDelete, when sent.</summary>
    public bool? RetainOnDelete { get; init; }

    /// <summary>DeleteBeforeReplace, when defined.</summary>
    public bool? DeleteBeforeReplace { get; init; }

    /// <summary>The provider version, or empty.</summary>
    public string Version { get; init; } = string.Empty;

    /// <summary>The plugin download URL, or empty.</summary>
    public string PluginDownloadUrl { get; init; } = string.Empty;

    /// <summary>The import ID, or empty.</summary>
    public string ImportId { get; init; } = string.Empty;

    /// <summary>The URN of the resource this one is deleted with, or empty.</summary>
    public string DeletedWith { get; init; } = string.Empty;

    /// <summary>Ignored property paths.</summary>
    public ImmutableArray<string> IgnoreChanges { get; init; } = [];

    /// <summary>Property paths that force replacement.</summary>
    public ImmutableArray<string> ReplaceOnChanges { get; init; } = [];

    /// <summary>Outputs forced secret.</summary>
    public ImmutableArray<string> AdditionalSecretOutputs { get; init; } = [];

    /// <summary>Aliases as text (<c>urn</c>, or <c>name=…,type=…,parent=…</c>).</summary>
    public ImmutableArray<string> Aliases { get; init; } = [];

    /// <summary>Custom timeouts (create, update, delete, read) as Go durations.</summary>
    public (string Create, string Update, string Delete, string Read)? CustomTimeouts { get; init; }

    /// <summary>Provider references by package (components).</summary>
    public ImmutableSortedDictionary<string, string> Providers { get; init; } = ImmutableSortedDictionary<string, string>.Empty;
}
