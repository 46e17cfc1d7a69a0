using Infra.Cli.Rendering;

namespace Infra.Engine.Tests.Cli.Rendering;

public sealed class GraphFormatterTests
{
    [Fact]
    public void MermaidFormat_State_DrawsComponentsAsSubgraphsWithDependencyAndParentEdges()
    {
        // Arrange
        var resources = TestStates.Resources(withSecretOutput: false);

        // Act
        var text = MermaidGraphFormatter.Format(resources);

        // Assert
        Assert.Equal(
            """
            flowchart TD
                subgraph r2 ["web<br/>infra:components:Web"]
                    r0["web-dns<br/>test:index:Resource"]
                    r1["web-server<br/>test:index:Resource"]
                end
                r3["attach<br/>test:index:Resource"]
                r4["disk<br/>test:index:Resource"]
                r1 -->|"target"| r0
                r1 --> r3
                r3 -.->|parent| r4

            """.ReplaceLineEndings("\n"),
            text);
    }

    [Fact]
    public void MermaidFormat_ShuffledState_IsStable()
    {
        // Arrange
        var resources = TestStates.Resources(withSecretOutput: false);

        // Act
        var first = MermaidGraphFormatter.Format(resources);
        var second = MermaidGraphFormatter.Format([.. resources.Reverse()]);

        // Assert
        Assert.Equal(first, second);
    }

    [Fact]
    public void DotFormat_State_WritesPulumiStackGraphLayout()
    {
        // Arrange
        var resources = TestStates.Resources(withSecretOutput: false);

        // Act
        var text = DotGraphFormatter.Format(resources);

        // Assert
        Assert.Equal(
            $$"""
            strict digraph {
                Resource0 [label="{{TestStates.DnsUrn}}"];
                Resource0 -> Resource1 [color = "#AA6639"];
                Resource2 [label="{{TestStates.ServerUrn}}"];
                Resource2 -> Resource0 [color = "#246C60", label = "target"];
                Resource2 -> Resource3 [color = "#246C60", label = ""];
                Resource2 -> Resource1 [color = "#AA6639"];
                Resource1 [label="{{TestStates.WebUrn}}"];
                Resource1 -> Resource4 [color = "#AA6639"];
                Resource5 [label="{{TestStates.ProviderUrn}}"];
                Resource4 [label="{{TestStates.StackUrn}}"];
                Resource3 [label="{{TestStates.AttachUrn}}"];
                Resource3 -> Resource6 [color = "#AA6639"];
                Resource6 [label="{{TestStates.DiskUrn}}"];
                Resource6 -> Resource4 [color = "#AA6639"];
            }

            """.ReplaceLineEndings("\n"),
            text);
    }
}
