using Infra;
using Minimal.Resources;

namespace Minimal;

/// <summary>A component: a settings resource and a page built from it.</summary>
public sealed class GreetingSite : ComponentResource
{
    public GreetingSite(string name, string greeting, Output<string>? apiToken, ComponentResourceOptions? options = null)
        : base("minimal:index:GreetingSite", name, options)
    {
        var settings = new TestResource($"{name}-settings", new TestResourceArgs
        {
            Value = greeting,
            Token = apiToken,
        }, new CustomResourceOptions { Parent = this });

        Page = new TestResource($"{name}-page", new TestResourceArgs
        {
            Value = Output.Format($"{greeting} from {settings.Computed}"),
        }, new CustomResourceOptions { Parent = this });

        Url = Page.Computed.Apply(id => $"http://{id}.lan/");
        RegisterOutputs();
    }

    public TestResource Page { get; }

    [Output("url")]
    public Output<string> Url { get; }
}
