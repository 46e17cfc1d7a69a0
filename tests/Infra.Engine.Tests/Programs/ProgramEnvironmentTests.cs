using Infra.Engine.Programs;

namespace Infra.Engine.Tests.Programs;

public sealed class ProgramEnvironmentTests
{
    [Fact]
    public void ToVariables_Update_EveryPulumiVariableOfTheLanguageHost()
    {
        // Arrange
        var environment = new ProgramEnvironment
        {
            MonitorAddress = "127.0.0.1:5001",
            EngineAddress = "127.0.0.1:5001",
            Project = "proj",
            Stack = "dev",
            RootDirectory = "/work/proj",
            ProgramDirectory = "/work/proj/app",
            DryRun = false,
            Parallel = 16,
            Config = new Dictionary<string, string> { ["PULUMI_CONFIG"] = "{\"proj:a\":\"b\"}", ["PULUMI_CONFIG_SECRET_KEYS"] = "[]" },
            Extra = new Dictionary<string, string> { ["MY_VAR"] = "1", ["PULUMI_STACK"] = "overridden" },
        };

        // Act
        var variables = environment.ToVariables();

        // Assert
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["MY_VAR"] = "1",
                ["PULUMI_MONITOR"] = "127.0.0.1:5001",
                ["PULUMI_ENGINE"] = "127.0.0.1:5001",
                ["PULUMI_PROJECT"] = "proj",
                ["PULUMI_STACK"] = "dev",
                ["PULUMI_ORGANIZATION"] = "organization",
                ["PULUMI_ROOT_DIRECTORY"] = "/work/proj",
                ["PULUMI_PWD"] = "/work/proj/app",
                ["PULUMI_DRY_RUN"] = "false",
                ["PULUMI_QUERY_MODE"] = "false",
                ["PULUMI_PARALLEL"] = "16",
                ["PULUMI_CONFIG"] = "{\"proj:a\":\"b\"}",
                ["PULUMI_CONFIG_SECRET_KEYS"] = "[]",
            },
            variables);
    }

    [Theory]
    [InlineData(0, null)]
    [InlineData(32, null)]
    [InlineData(1, "Program exited with non-zero exit code: 1")]
    [InlineData(137, "Program exited with non-zero exit code: 137")]
    public void ProgramExit_Code_InterpretedLikeTheLanguageHost(int code, string? expected)
    {
        // Act
        var exit = new ProgramExit(code);

        // Assert
        Assert.Equal(expected, exit.Error);
        Assert.Equal(code == 0, exit.Succeeded);
    }
}
