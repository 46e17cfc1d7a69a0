using Infra.Conformance.Tests.Fakes;
using Infra.Protocol.Values;

namespace Infra.Conformance.Tests.Program;

public sealed class RemoteComponentTests
{
    [Fact]
    public async Task RemoteComponent_InputsFromOutputs_AreSentAsOutputValuesWithDependencies()
    {
        await using var run = await ProgramHarness.RunAsync(new StrictEngineOptions { IsPreview = false }, () =>
        {
            var a = new Widget("a", new WidgetArgs { Name = "a" });
            _ = new ComponentResource("test:index:Remote", "r", new WidgetArgs { Name = a.Name, Token = Output.CreateSecret("s") }, remote: true);
        });

        run.Engine.AssertNoViolations();
        var remote = run.Engine.Registrations.Single(r => r.Name == "r");
        Assert.True(remote.Remote);
        var name = StructEncoding.FromValue(remote.Object.Fields["name"]);
        Assert.Equal(PropertyValueKind.Output, name.Kind);
        Assert.Equal(PropertyValue.Create("a"), name.OutputValue.Value);
        Assert.Equal(["urn:pulumi:dev::proj::test:index:Widget::a"], name.OutputValue.Dependencies);
        var token = StructEncoding.FromValue(remote.Object.Fields["token"]);
        Assert.True(token.OutputValue.IsSecret);
    }
}
