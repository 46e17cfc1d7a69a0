using Infra;

namespace Infra.Core.Tests.Fixtures;

public sealed class ThingProvider : ProviderResource
{
    public ThingProvider(string name, ThingProviderArgs? args = null, CustomResourceOptions? options = null)
        : base("test", name, args ?? new ThingProviderArgs(), options)
    {
    }
}
