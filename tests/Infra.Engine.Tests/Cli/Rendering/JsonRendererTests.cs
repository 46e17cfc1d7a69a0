using Infra.Cli.Rendering;
using Infra.Engine.Deployments;
using Infra.Engine.Deployments.Events;

namespace Infra.Engine.Tests.Cli.Rendering;

public sealed class JsonRendererTests
{
    private static async Task<string> RenderAsync(IOperationObserver renderer, IEnumerable<OperationEvent> events)
    {
        foreach (var operationEvent in events)
        {
            await renderer.OnEventAsync(operationEvent, TestContext.Current.CancellationToken);
        }

        return string.Empty;
    }

    [Fact]
    public async Task JsonPreviewRenderer_Preview_WritesDigest()
    {
        // Arrange
        var writer = new StringWriter { NewLine = "\n" };
        var renderer = new JsonPreviewRenderer(writer, [new("demo:name", "web"), new("demo:password", "[secret]")]);

        // Act
        await RenderAsync(renderer, RenderingEvents.Preview());

        // Assert
        Assert.Equal(
            """
            {
                "config": {
                    "demo:name": "web",
                    "demo:password": "[secret]"
                },
                "steps": [
                    {
                        "op": "create",
                        "urn": "urn:pulumi:dev::demo::pulumi:pulumi:Stack::demo-dev",
                        "newState": {
                            "urn": "urn:pulumi:dev::demo::pulumi:pulumi:Stack::demo-dev",
                            "type": "pulumi:pulumi:Stack"
                        },
                        "detailedDiff": null
                    },
                    {
                        "op": "create",
                        "urn": "urn:pulumi:dev::demo::test:index:Resource::web",
                        "newState": {
                            "urn": "urn:pulumi:dev::demo::test:index:Resource::web",
                            "type": "test:index:Resource",
                            "parent": "urn:pulumi:dev::demo::pulumi:pulumi:Stack::demo-dev"
                        },
                        "detailedDiff": null
                    },
                    {
                        "op": "update",
                        "urn": "urn:pulumi:dev::demo::test:index:Resource::db",
                        "oldState": {
                            "urn": "urn:pulumi:dev::demo::test:index:Resource::db",
                            "type": "test:index:Resource",
                            "parent": "urn:pulumi:dev::demo::pulumi:pulumi:Stack::demo-dev"
                        },
                        "newState": {
                            "urn": "urn:pulumi:dev::demo::test:index:Resource::db",
                            "type": "test:index:Resource",
                            "parent": "urn:pulumi:dev::demo::pulumi:pulumi:Stack::demo-dev"
                        },
                        "diffReasons": [
                            "size",
                            "token"
                        ],
                        "detailedDiff": {
                            "size": {
                                "kind": "update",
                                "inputDiff": true
                            },
                            "token": {
                                "kind": "update",
                                "inputDiff": true
                            }
                        }
                    },
                    {
                        "op": "delete",
                        "urn": "urn:pulumi:dev::demo::test:index:Resource::old",
                        "oldState": {
                            "urn": "urn:pulumi:dev::demo::test:index:Resource::old",
                            "type": "test:index:Resource",
                            "parent": "urn:pulumi:dev::demo::pulumi:pulumi:Stack::demo-dev"
                        },
                        "detailedDiff": null
                    }
                ],
                "diagnostics": [
                    {
                        "urn": "urn:pulumi:dev::demo::pulumi:pulumi:Stack::demo-dev",
                        "message": "hello from the program",
                        "severity": "info"
                    }
                ],
                "duration": 2000000000,
                "changeSummary": {
                    "same": 3,
                    "create": 2,
                    "update": 1,
                    "delete": 1
                }
            }

            """.ReplaceLineEndings("\n"),
            writer.ToString());
        Assert.DoesNotContain("hunter2", writer.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task JsonEventStreamRenderer_Update_WritesOneMaskedObjectPerLine()
    {
        // Arrange
        var writer = new StringWriter { NewLine = "\n" };
        var renderer = new JsonEventStreamRenderer(writer, new RenderOptions());
        var events = RenderingEvents.Preview().Skip(1).Prepend(new OperationStartedEvent(OperationKind.Update, "demo", "dev"));

        // Act
        await RenderAsync(renderer, events);

        // Assert
        var lines = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(7, lines.Length);
        Assert.Equal("""{"type":"start","operation":"update","project":"demo","stack":"dev"}""", lines[0]);
        Assert.Equal(
            """{"type":"step","op":"update","phase":"started","urn":"urn:pulumi:dev::demo::test:index:Resource::db","resourceType":"test:index:Resource","name":"db","parent":"urn:pulumi:dev::demo::pulumi:pulumi:Stack::demo-dev","detailedDiff":{"size":"update","token":"update"}}""",
            lines[3]);
        Assert.Equal("""{"type":"programOutput","stream":"stdout","line":"hello from the program"}""", lines[5]);
        Assert.Equal(
            """{"type":"summary","operation":"preview","result":"succeeded","changeSummary":{"same":3,"create":2,"update":1,"delete":1},"outputs":{"apiKey":"[secret]","url":"http://web"},"duration":2000000000}""",
            lines[6]);
        Assert.DoesNotContain("s3cr3t", writer.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", writer.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task JsonEventStreamRenderer_ShowSecrets_RevealsOutputs()
    {
        // Arrange
        var writer = new StringWriter { NewLine = "\n" };
        var renderer = new JsonEventStreamRenderer(writer, new RenderOptions { ShowSecrets = true });

        // Act
        await RenderAsync(renderer, RenderingEvents.Preview());

        // Assert
        Assert.Contains("\"apiKey\":\"s3cr3t\"", writer.ToString(), StringComparison.Ordinal);
    }
}
