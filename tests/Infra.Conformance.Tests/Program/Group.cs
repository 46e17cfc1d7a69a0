namespace Infra.Conformance.Tests.Program;

/// <summary>A component with two widgets.</summary>
internal sealed class Group : ComponentResource
{
    public Group(string name, ComponentResourceOptions? options = null)
        : base("test:index:Group", name, options)
    {
        Left = new Widget($"{name}-left", new WidgetArgs { Name = "left" }, new CustomResourceOptions { Parent = this });
        Right = new Widget($"{name}-right", new WidgetArgs { Name = Left.Name }, new CustomResourceOptions { Parent = this });
        LeftName = Left.Name;
        RegisterOutputs();
    }

    public Widget Left { get; }

    public Widget Right { get; }

    [Output("leftName")]
    public Output<string> LeftName { get; }
}
