using Infra;

namespace Infra.Core.Tests.Fixtures;

/// <summary>A component with two children and registered outputs.</summary>
public sealed class Pair : ComponentResource
{
    public Pair(string name, ComponentResourceOptions? options = null)
        : base("test:index:Pair", name, options)
    {
        First = new Thing($"{name}-first", new ThingArgs { Name = "first" }, new CustomResourceOptions { Parent = this });
        Second = new Thing($"{name}-second", new ThingArgs { Name = First.Address }, new CustomResourceOptions { Parent = this });
        Address = Second.Address;
        RegisterOutputs();
    }

    public Thing First { get; }

    public Thing Second { get; }

    [Output("address")]
    public Output<string> Address { get; }
}
