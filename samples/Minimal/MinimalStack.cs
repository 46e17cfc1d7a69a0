using Infra;
using Minimal.Resources;

namespace Minimal;

/// <summary>A greeting site: a component with a config map and a page that depends on it.</summary>
public sealed class MinimalStack : Stack
{
    public MinimalStack()
    {
        var config = new Config();
        var greeting = config.Get("greeting") ?? "hello";
        var site = new GreetingSite("site", greeting, config.GetSecret("apiToken"));

        Url = site.Url;
        PageId = site.Page.Id;
    }

    [Output("url")]
    public Output<string> Url { get; set; }

    [Output("pageId")]
    public Output<string> PageId { get; set; }
}
