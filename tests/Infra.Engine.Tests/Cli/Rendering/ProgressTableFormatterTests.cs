using Infra.Cli.Rendering;
using Infra.Engine.Deployments.Events;
using Infra.Engine.Planning;

namespace Infra.Engine.Tests.Cli.Rendering;

public sealed class ProgressTableFormatterTests
{
    [Fact]
    public void Format_FinishedPreview_PadsColumnsDrawsTreeAndCountsMessages()
    {
        // Arrange
        var model = new ProgressModel();
        foreach (var operationEvent in RenderingEvents.Preview())
        {
            model.Apply(operationEvent);
        }

        // Act
        var lines = ProgressTableFormatter.Format(model).Select(line => line.Text).ToList();

        // Assert
        Assert.Equal(
            [
                "     Type                    Name      Plan    Info",
                " +   pulumi:pulumi:Stack     demo-dev  create  1 message",
                " +   ├─ test:index:Resource  web       create",
                " ~   ├─ test:index:Resource  db        update  [diff: ~size,token]",
                " -   └─ test:index:Resource  old       delete",
            ],
            lines);
    }

    [Fact]
    public void Format_NestedChildrenWithoutInfo_LeavesInfoHeaderBlankAndIndentsGrandchildren()
    {
        // Arrange
        var model = new ProgressModel();
        const string Component = "urn:pulumi:dev::demo::infra:components:Web::web";
        const string Child = "urn:pulumi:dev::demo::infra:components:Web$test:index:Resource::web-server";
        const string Sibling = "urn:pulumi:dev::demo::test:index:Resource::disk";
        model.Apply(new OperationStartedEvent(Engine.Deployments.OperationKind.Update, "demo", "dev"));
        model.Apply(RenderingEvents.Step(RenderingEvents.StackUrn, "pulumi:pulumi:Stack", "demo-dev", StepKind.Same, StepPhase.Succeeded));
        model.Apply(RenderingEvents.Step(Component, "infra:components:Web", "web", StepKind.Same, StepPhase.Succeeded));
        model.Apply(RenderingEvents.Step(Child, "test:index:Resource", "web-server", StepKind.Create, StepPhase.Succeeded, Component));
        model.Apply(RenderingEvents.Step(Sibling, "test:index:Resource", "disk", StepKind.Delete, StepPhase.Started));

        // Act
        var lines = ProgressTableFormatter.Format(model).Select(line => line.Text).ToList();

        // Assert
        Assert.Equal(
            [
                "     Type                       Name        Status",
                "     pulumi:pulumi:Stack        demo-dev",
                "     ├─ infra:components:Web    web",
                " +   │  └─ test:index:Resource  web-server  created",
                " -   └─ test:index:Resource     disk        deleting",
            ],
            lines);
    }
}
