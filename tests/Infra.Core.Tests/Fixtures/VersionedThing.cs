using Infra;

namespace Infra.Core.Tests.Fixtures;

/// <summary>A typed resource of a package that pins its provider version, as the provider packages do.</summary>
public sealed class VersionedThing : CustomResource
{
    public const string TargetVersion = "5.1.0";

    public VersionedThing(string name, ThingArgs args, CustomResourceOptions? options = null)
        : base("test:index:Thing", name, args, options, TargetVersion)
    {
    }
}
