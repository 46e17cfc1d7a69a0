namespace Infra.Runtime;

/// <summary>
/// A resource the program received as a reference (URN and, for custom resources, ID) without owning
/// it. It can be used as a dependency or passed on as an input; it is never registered.
/// </summary>
internal sealed class DependencyResource : Resource
{
    public DependencyResource(string urn, string? id)
        : base(urn, custom: id is not null)
    {
        Id = id is { Length: > 0 } ? Output.Create(id) : Output<string>.CreateUnknown();
    }

    public Output<string> Id { get; }
}
