using Infra.Conformance.Tests.Fakes;
using Infra.Protocol.Values;
using Infra.Testing;

namespace Infra.Conformance.Tests.Program;

public sealed class ResourceReferenceTests
{
    [Fact]
    public async Task Output_ReferenceFromEngine_IsRehydratedAndUsableAsDependency()
    {
        var hooks = new Dictionary<string, OutputHook>(StringComparer.Ordinal)
        {
            ["test:index:Holder"] = OutputHooks.EchoWith(("target", OutputHooks.Reference("urn:pulumi:dev::proj::test:index:Widget::a", "a-id"))),
        };
        Output<Resource> target = null!;

        await using var run = await ProgramHarness.RunAsync(new StrictEngineOptions { IsPreview = false, OutputHooks = hooks }, () =>
        {
            _ = new Widget("a", new WidgetArgs { Name = "a" });
            var holder = new Holder("h");
            target = holder.Target;
            _ = new Widget("b", new WidgetArgs { Name = "b" }, new CustomResourceOptions { DependsOn = { holder.Target } });
        });

        run.Engine.AssertNoViolations();
        var resource = await target.GetValueAsync();
        Assert.Equal("test:index:Widget", resource.GetResourceType());
        Assert.Equal("a", resource.GetResourceName());
        Assert.Contains("urn:pulumi:dev::proj::test:index:Widget::a", run.Engine.Registrations.Single(r => r.Name == "b").Dependencies);
    }

    private sealed class Holder(string name) : CustomResource("test:index:Holder", name, ResourceArgs.Empty)
    {
        [Output("target")]
        public Output<Resource> Target { get; private set; } = null!;
    }
}
