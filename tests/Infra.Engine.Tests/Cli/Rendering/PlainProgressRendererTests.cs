using Infra.Cli.Rendering;
using Infra.Engine.Deployments.Events;

namespace Infra.Engine.Tests.Cli.Rendering;

public sealed class PlainProgressRendererTests
{
    private static async Task<string> RenderAsync(IEnumerable<OperationEvent> events, RenderOptions options)
    {
        var writer = new StringWriter { NewLine = "\n" };
        var renderer = new PlainProgressRenderer(writer, options);
        foreach (var operationEvent in events)
        {
            await renderer.OnEventAsync(operationEvent, TestContext.Current.CancellationToken);
        }

        return writer.ToString();
    }

    [Fact]
    public async Task OnEventAsync_Preview_PrintsPulumiStyleLinesAndSummary()
    {
        // Arrange
        var events = RenderingEvents.Preview();

        // Act
        var text = await RenderAsync(events, new RenderOptions());

        // Assert
        Assert.Equal(
            """
            Previewing update (dev):

             +  pulumi:pulumi:Stack demo-dev create
             +  test:index:Resource web create
             ~  test:index:Resource db update [diff: ~size,token]
             -  test:index:Resource old delete
             +  pulumi:pulumi:Stack demo-dev create hello from the program

            Diagnostics:
              pulumi:pulumi:Stack (demo-dev):
                hello from the program

            Outputs:
                apiKey: [secret]
                url   : "http://web"

            Resources:
                + 2 to create
                ~ 1 to update
                - 1 to delete
                4 changes. 3 unchanged


            """.ReplaceLineEndings("\n"),
            text);
    }

    [Fact]
    public async Task OnEventAsync_DiffMode_MasksSecrets()
    {
        // Arrange
        var events = RenderingEvents.Preview().Where(e => e is not ProgramOutputEvent and not OperationFinishedEvent);

        // Act
        var text = await RenderAsync(events, new RenderOptions { ShowDiff = true });

        // Assert
        Assert.Equal(
            """
            Previewing update (dev):

            + pulumi:pulumi:Stack: (create)
                [urn=urn:pulumi:dev::demo::pulumi:pulumi:Stack::demo-dev]
                + test:index:Resource: (create)
                    [urn=urn:pulumi:dev::demo::test:index:Resource::web]
                    name    : "web"
                    password: [secret]
                ~ test:index:Resource: (update)
                    [urn=urn:pulumi:dev::demo::test:index:Resource::db]
                  ~ size : 1 => 2
                  ~ token: [secret] => [secret]
                - test:index:Resource: (delete)
                    [urn=urn:pulumi:dev::demo::test:index:Resource::old]

            """.ReplaceLineEndings("\n"),
            text);
        Assert.DoesNotContain("hunter2", text, StringComparison.Ordinal);
        Assert.DoesNotContain("old-token", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnEventAsync_DiffModeWithShowSecrets_RevealsSecrets()
    {
        // Arrange
        var events = RenderingEvents.Preview();

        // Act
        var text = await RenderAsync(events, new RenderOptions { ShowDiff = true, ShowSecrets = true });

        // Assert
        Assert.Contains("        password: \"hunter2\"\n", text, StringComparison.Ordinal);
        Assert.Contains("      ~ token: \"old-token\" => \"new-token\"\n", text, StringComparison.Ordinal);
        Assert.Contains("    apiKey: \"s3cr3t\"\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnEventAsync_FailingUpdate_PrintsEachChangeOnceWithTimingsAndErrors()
    {
        // Arrange
        var events = RenderingEvents.FailingUpdate();

        // Act
        var text = await RenderAsync(events, new RenderOptions());

        // Assert
        Assert.Equal(
            """
            Updating (dev):

                pulumi:pulumi:Stack demo-dev running
             +  test:index:Resource web creating
             +  test:index:Resource web created (0.12s)
             ~  test:index:Resource db updating [diff: ~size]
             ~  test:index:Resource db **updating failed** [diff: ~size]; error: boom
                pulumi:pulumi:Stack demo-dev

            Diagnostics:
              test:index:Resource (db):
                error: boom

            Resources:
                + 1 created
                1 unchanged
                1 errored

            Duration: 4s


            """.ReplaceLineEndings("\n"),
            text);
    }

    [Fact]
    public async Task OnEventAsync_DefaultProviderStep_IsHiddenAndNotCounted()
    {
        // Arrange
        const string ProviderUrn = "urn:pulumi:dev::demo::pulumi:providers:test::default";
        var events = RenderingEvents.Preview().ToList();
        events.Insert(2, RenderingEvents.Step(ProviderUrn, "pulumi:providers:test", "default", Engine.Planning.StepKind.Create, StepPhase.Started));
        var finished = (OperationFinishedEvent)events[^1];
        events[^1] = new OperationFinishedEvent(finished.Result with { Counts = finished.Result.Counts.SetItem(Engine.Planning.StepKind.Create, 3) });

        // Act
        var text = await RenderAsync(events, new RenderOptions());

        // Assert
        Assert.DoesNotContain("pulumi:providers:test", text, StringComparison.Ordinal);
        Assert.Contains("    + 2 to create\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnEventAsync_ProviderProgress_ShowsEachNewMessageWhileRunningAndNotAfter()
    {
        // Arrange
        OperationEvent[] events =
        [
            new OperationStartedEvent(Infra.Engine.Deployments.OperationKind.Update, "demo", "dev"),
            RenderingEvents.Step(RenderingEvents.WebUrn, "test:index:Resource", "web", Infra.Engine.Planning.StepKind.Create, StepPhase.Started),
            RenderingEvents.Step(RenderingEvents.WebUrn, "test:index:Resource", "web", Infra.Engine.Planning.StepKind.Create, StepPhase.Progress) with { Message = "1/3 replicas ready" },
            RenderingEvents.Step(RenderingEvents.WebUrn, "test:index:Resource", "web", Infra.Engine.Planning.StepKind.Create, StepPhase.Progress) with { Message = "1/3 replicas ready" },
            RenderingEvents.Step(RenderingEvents.WebUrn, "test:index:Resource", "web", Infra.Engine.Planning.StepKind.Create, StepPhase.Progress) with { Message = "3/3 replicas ready" },
            RenderingEvents.Step(RenderingEvents.WebUrn, "test:index:Resource", "web", Infra.Engine.Planning.StepKind.Create, StepPhase.Succeeded),
            RenderingEvents.Step(RenderingEvents.WebUrn, "test:index:Resource", "web", Infra.Engine.Planning.StepKind.Create, StepPhase.Progress) with { Message = "late" },
        ];

        // Act
        var text = await RenderAsync(events, new RenderOptions());

        // Assert
        Assert.Equal(
            """
            Updating (dev):

             +  test:index:Resource web creating
             +  test:index:Resource web creating 1/3 replicas ready
             +  test:index:Resource web creating 3/3 replicas ready
             +  test:index:Resource web created

            """,
            text);
    }

    [Fact]
    public async Task OnEventAsync_DiffModeNestedUpdate_OpensObjectsAndArraysAndListsOnlyChanges()
    {
        // Arrange
        static Infra.Protocol.Values.PropertyValue Obj(params (string Key, Infra.Protocol.Values.PropertyValue Value)[] entries) =>
            Infra.Protocol.Values.PropertyValue.CreateObject(entries.Select(e => KeyValuePair.Create(e.Key, e.Value)));
        static Infra.Protocol.Values.PropertyValue Str(string text) => Infra.Protocol.Values.PropertyValue.Create(text);
        var oldSpec = Obj(
            ("replicas", Infra.Protocol.Values.PropertyValue.Create(1)),
            ("image", Str("nginx:1.25")),
            ("ports", Infra.Protocol.Values.PropertyValue.CreateArray([Infra.Protocol.Values.PropertyValue.Create(80)])),
            ("token", RenderingEvents.Secret("old-token")),
            ("paused", Infra.Protocol.Values.PropertyValue.False));
        var newSpec = Obj(
            ("replicas", Infra.Protocol.Values.PropertyValue.Create(3)),
            ("image", Str("nginx:1.25")),
            ("ports", Infra.Protocol.Values.PropertyValue.CreateArray([Infra.Protocol.Values.PropertyValue.Create(80), Infra.Protocol.Values.PropertyValue.Create(443)])),
            ("token", RenderingEvents.Secret("new-token")),
            ("labels", Obj(("app", Str("web")))));
        OperationEvent[] events =
        [
            new OperationStartedEvent(Infra.Engine.Deployments.OperationKind.Preview, "demo", "dev"),
            RenderingEvents.Step(RenderingEvents.DbUrn, "test:index:Resource", "db", Infra.Engine.Planning.StepKind.Update, StepPhase.Started, parent: null) with
            {
                Changes = [new PropertyChange("spec", PropertyChangeKind.Update, oldSpec, newSpec)],
            },
        ];

        // Act
        var text = await RenderAsync(events, new RenderOptions { ShowDiff = true });

        // Assert
        Assert.Equal(
            """
            Previewing update (dev):

            ~ test:index:Resource: (update)
                [urn=urn:pulumi:dev::demo::test:index:Resource::db]
              ~ spec: {
                  + labels  : {
                        app: "web"
                    }
                  - paused  : false
                  ~ ports   : [
                      + [1]: 443
                    ]
                  ~ replicas: 1 => 3
                  ~ token   : [secret] => [secret]
                }

            """.ReplaceLineEndings("\n"),
            text);
        Assert.DoesNotContain("new-token", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnEventAsync_ReplaceWithProviderReason_ShowsTheReasonOnTheLine()
    {
        // Arrange
        const string reason = "the certificate expires at 2027-01-01T00:00:00Z, inside its early renewal window (earlyRenewalHours 720); it is replaced by a new one";
        OperationEvent[] events =
        [
            new OperationStartedEvent(Infra.Engine.Deployments.OperationKind.Preview, "demo", "dev"),
            RenderingEvents.Step(RenderingEvents.WebUrn, "tls:index/locallySignedCert:LocallySignedCert", "web", Infra.Engine.Planning.StepKind.Replace, StepPhase.Started) with
            {
                Message = reason,
                ReplaceKeys = ["readyForRenewal"],
            },
        ];

        // Act
        var text = await RenderAsync(events, new RenderOptions());

        // Assert
        var line = Assert.Single(text.Split('\n'), l => l.Contains("tls:index:LocallySignedCert web replace", StringComparison.Ordinal));
        Assert.StartsWith(" +- ", line, StringComparison.Ordinal);
        Assert.EndsWith(reason, line, StringComparison.Ordinal);
    }
}
