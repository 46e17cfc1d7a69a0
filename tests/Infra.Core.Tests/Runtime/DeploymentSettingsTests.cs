using Infra.Runtime;

namespace Infra.Core.Tests.Runtime;

public sealed class DeploymentSettingsTests
{
    private static Func<string, string?> Env(Dictionary<string, string> values) => name => values.GetValueOrDefault(name);

    private static Dictionary<string, string> Complete() => new()
    {
        ["PULUMI_MONITOR"] = "127.0.0.1:1",
        ["PULUMI_ENGINE"] = "127.0.0.1:2",
        ["PULUMI_PROJECT"] = "homelab",
        ["PULUMI_STACK"] = "dev",
        ["PULUMI_DRY_RUN"] = "true",
        ["PULUMI_PARALLEL"] = "8",
        ["PULUMI_CONFIG"] = "{\"homelab:domain\":\"lab\",\"kubernetes:config:context\":\"admin\"}",
        ["PULUMI_CONFIG_SECRET_KEYS"] = "[\"homelab:password\"]",
    };

    [Fact]
    public void FromEnvironment_Complete_ParsesEverything()
    {
        var settings = DeploymentSettings.FromEnvironment(Env(Complete()), out var problem);

        Assert.Null(problem);
        Assert.NotNull(settings);
        Assert.True(settings.IsDryRun);
        Assert.Equal(8, settings.Parallel);
        Assert.Equal("organization", settings.Organization);
        Assert.Equal("lab", settings.Config["homelab:domain"]);
        Assert.Equal("admin", settings.Config["kubernetes:context"]);
        Assert.Contains("homelab:password", settings.SecretKeys);
    }

    [Fact]
    public void FromEnvironment_NoEngine_ReportsMissingVariables()
    {
        var settings = DeploymentSettings.FromEnvironment(Env([]), out var problem);

        Assert.Null(settings);
        Assert.Equal("missing PULUMI_MONITOR, PULUMI_ENGINE, PULUMI_PROJECT, PULUMI_STACK", problem);
    }

    [Fact]
    public void FromEnvironment_MalformedValues_ReportsEachOne()
    {
        var env = Complete();
        env["PULUMI_DRY_RUN"] = "yes";
        env["PULUMI_PARALLEL"] = "many";

        var settings = DeploymentSettings.FromEnvironment(Env(env), out var problem);

        Assert.Null(settings);
        Assert.Equal("PULUMI_DRY_RUN must be 'true' or 'false' (was 'yes'); PULUMI_PARALLEL must be an integer (was 'many')", problem);
    }
}
