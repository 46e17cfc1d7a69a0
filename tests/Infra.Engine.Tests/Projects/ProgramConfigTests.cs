using Infra.Engine.Projects;
using Infra.Engine.Tests.Secrets;

namespace Infra.Engine.Tests.Projects;

public sealed class ProgramConfigTests
{
    private const string ProjectYaml = """
        name: homelab
        runtime: dotnet
        config:
          nodeCount:
            type: integer
            default: 3
          adminPassword:
            type: string
            secret: true
          proxmox:endpoint:
            value: https://pve.lan:8006
        """;

    private static ProjectFile Project(string yaml = ProjectYaml) => ProjectLoader.Parse(yaml, "/p/Pulumi.yaml");

    [Fact]
    public void Build_StackValuesAndDefaults_ProducesPulumiConfigStrings()
    {
        // Arrange
        var crypter = TestCrypters.Password();
        var stack = new StackSettingsFile { EncryptionSalt = crypter.EncryptionSalt };
        var editor = new StackConfigEditor(stack, "homelab", crypter);
        editor.Set("adminPassword", "hunter2", secret: true);
        editor.Set("name", "web");
        editor.SetValue("replicas", ConfigValue.Integer(3));
        editor.SetValue("debug", ConfigValue.Boolean(true));
        editor.SetValue("ratio", ConfigValue.Scalar(ConfigValueKind.Float, "1.50"));
        editor.Set("db.port", "5432", path: true);
        editor.Set("db.host", "db.lan", path: true);
        editor.Set("db.password", "s3cr3t", secret: true, path: true);
        editor.Set("features[0]", "auth", path: true);
        editor.Set("features[1]", "logging", path: true);
        editor.Set("aws:config:region", "us-east-1");

        // Act
        var config = ProgramConfig.Build(Project(), "dev", stack, crypter);

        // Assert
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["aws:region"] = "us-east-1",
                ["homelab:adminPassword"] = "hunter2",
                ["homelab:db"] = "{\"host\":\"db.lan\",\"password\":\"s3cr3t\",\"port\":5432}",
                ["homelab:debug"] = "true",
                ["homelab:features"] = "[\"auth\",\"logging\"]",
                ["homelab:name"] = "web",
                ["homelab:nodeCount"] = "3",
                ["homelab:ratio"] = "1.50",
                ["homelab:replicas"] = "3",
                ["proxmox:endpoint"] = "https://pve.lan:8006",
            },
            config.Values);
        Assert.Equal(["homelab:adminPassword", "homelab:db"], config.SecretKeys);
        Assert.Equal("program config (10 keys, 2 secret)", config.ToString());
    }

    [Fact]
    public void ToConfigJson_Values_IsSortedJsonObjectOfStrings()
    {
        // Arrange
        var crypter = TestCrypters.Password();
        var stack = new StackSettingsFile { EncryptionSalt = crypter.EncryptionSalt };
        var editor = new StackConfigEditor(stack, "homelab", crypter);
        editor.Set("adminPassword", "p<w>&\"d", secret: true);
        editor.Set("db.port", "5432", path: true);

        // Act
        var config = ProgramConfig.Build(Project(), "dev", stack, crypter);

        // Assert
        Assert.Equal(
            "{\"homelab:adminPassword\":\"p\\u003cw\\u003e\\u0026\\\"d\",\"homelab:db\":\"{\\\"port\\\":5432}\","
            + "\"homelab:nodeCount\":\"3\",\"proxmox:endpoint\":\"https://pve.lan:8006\"}",
            config.ToConfigJson());
        Assert.Equal("[\"homelab:adminPassword\"]", config.ToSecretKeysJson());
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["PULUMI_CONFIG"] = config.ToConfigJson(),
                ["PULUMI_CONFIG_SECRET_KEYS"] = "[\"homelab:adminPassword\"]",
            },
            config.ToEnvironmentVariables());
    }

    [Fact]
    public void Build_CliStackFile_DecryptsPulumiSecret()
    {
        // Arrange
        const string stackYaml = """
            encryptionsalt: v1:ThS5UPxP9qc=:v1:UZYAXF+ylaJ0rGhv:9OTvBnOEDFgxs7btjzSu+LZ470vLpg==
            config:
              foo:a: some value
              foo:d:
                secure: v1:T1ftqhY0hqr+EJK6:+jvd5PMecFx80tcavzuZY4tLatgIfoe/xR72GA==
            """;
        var stack = StackSettingsFile.Parse(stackYaml);

        // Act
        var config = ProgramConfig.Build(Project("name: foo\nruntime: go\n"), "test", stack, TestCrypters.Roundtrip());

        // Assert
        Assert.Equal("{\"foo:a\":\"some value\",\"foo:d\":\"secret-value\"}", config.ToConfigJson());
        Assert.Equal("[\"foo:d\"]", config.ToSecretKeysJson());
    }

    [Fact]
    public void ToEnvironmentVariables_NoConfig_OmitsPulumiConfigAndKeepsEmptySecretKeys()
    {
        // Act
        var config = ProgramConfig.Build(Project("name: empty\nruntime: dotnet\n"), "dev", new StackSettingsFile(), crypter: null);

        // Assert
        Assert.Equal(
            new Dictionary<string, string> { ["PULUMI_CONFIG_SECRET_KEYS"] = "[]" },
            config.ToEnvironmentVariables());
        Assert.Equal("{}", config.ToConfigJson());
    }

    [Fact]
    public void Build_MissingRequiredWrongTypeAndUnencryptedSecret_ReportsAllWithoutSecretValues()
    {
        // Arrange
        const string projectYaml = """
            name: homelab
            runtime: dotnet
            config:
              nodeCount:
                type: integer
              enabled:
                type: boolean
              tags:
                type: array
                items:
                  type: string
              limits:
                type: object
              adminPassword:
                type: string
                secret: true
              pin:
                type: integer
                secret: true
              token:
                description: required, no type
            """;
        var crypter = TestCrypters.Password();
        var stack = new StackSettingsFile { EncryptionSalt = crypter.EncryptionSalt };
        var editor = new StackConfigEditor(stack, "homelab", crypter);
        editor.Set("nodeCount", "three");
        editor.Set("enabled", "yes");
        editor.Set("tags[0].name", "x", path: true);
        editor.Set("limits", "none");
        editor.Set("adminPassword", "plain-text-password");
        editor.Set("pin", "12ab", secret: true);

        // Act
        var exception = Assert.Throws<ProjectValidationException>(() => ProgramConfig.Build(Project(projectYaml), "dev", stack, crypter));

        // Assert
        var nl = Environment.NewLine;
        Assert.Equal(
            $"Stack 'dev' has invalid configuration (7 problems):{nl}"
            + $"  - homelab:nodeCount: Stack 'dev' with configuration key 'homelab:nodeCount' must be of type 'integer' (was 'three'){nl}"
            + $"  - homelab:enabled: Stack 'dev' with configuration key 'homelab:enabled' must be of type 'boolean' (was 'yes'){nl}"
            + $"  - homelab:tags: Stack 'dev' with configuration key 'homelab:tags' must be of type 'array<string>' (was '[{{\"name\":\"x\"}}]'){nl}"
            + $"  - homelab:limits: Stack 'dev' with configuration key 'homelab:limits' must be of type 'object' (was 'none'){nl}"
            + $"  - homelab:adminPassword: Stack 'dev' with configuration key 'homelab:adminPassword' must be encrypted as it's secret (set it with `config set --secret`){nl}"
            + $"  - homelab:pin: Stack 'dev' with configuration key 'homelab:pin' must be of type 'integer' (was [secret]){nl}"
            + "  - homelab:token: Stack 'dev' is missing configuration value 'homelab:token' (it is declared in the project without a default)",
            exception.Message);
        Assert.DoesNotContain("plain-text-password", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("12ab", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_TypedStringsThatParse_AreAccepted()
    {
        // Arrange
        const string projectYaml = """
            name: homelab
            runtime: dotnet
            config:
              nodeCount:
                type: integer
              enabled:
                type: boolean
              secretCount:
                type: integer
                secret: true
            """;
        var crypter = TestCrypters.Password();
        var stack = new StackSettingsFile { EncryptionSalt = crypter.EncryptionSalt };
        var editor = new StackConfigEditor(stack, "homelab", crypter);
        editor.Set("nodeCount", "5");
        editor.Set("enabled", "false");
        editor.Set("secretCount", "7", secret: true);

        // Act
        var config = ProgramConfig.Build(Project(projectYaml), "dev", stack, crypter);

        // Assert
        Assert.Equal("5", config.Values["homelab:nodeCount"]);
        Assert.Equal("false", config.Values["homelab:enabled"]);
        Assert.Equal("7", config.Values["homelab:secretCount"]);
        Assert.Equal(["homelab:secretCount"], config.SecretKeys);
    }

    [Fact]
    public void Build_SkipValidation_MergesDefaultsAndSkipsChecks()
    {
        // Arrange
        var stack = new StackSettingsFile();
        new StackConfigEditor(stack, "homelab", crypter: null).Set("nodeCount", "many");

        // Act
        var config = ProgramConfig.Build(Project(), "dev", stack, crypter: null, skipValidation: true);

        // Assert
        Assert.Equal("many", config.Values["homelab:nodeCount"]);
        Assert.Equal("https://pve.lan:8006", config.Values["proxmox:endpoint"]);
        Assert.False(config.Values.ContainsKey("homelab:adminPassword"));
    }

    [Fact]
    public void Build_StackValueOverridesDeclaredValue()
    {
        // Arrange
        var stack = new StackSettingsFile();
        new StackConfigEditor(stack, "homelab", crypter: null).Set("proxmox:endpoint", "https://other:8006");
        new StackConfigEditor(stack, "homelab", crypter: null).Set("adminPassword", "x");

        // Act
        var config = ProgramConfig.Build(Project(), "dev", stack, crypter: null, skipValidation: true);

        // Assert
        Assert.Equal("https://other:8006", config.Values["proxmox:endpoint"]);
    }

    [Fact]
    public void Build_SecretDefaultDeclared_IsListedAsSecret()
    {
        // Arrange
        const string projectYaml = "name: homelab\nruntime: dotnet\nconfig:\n  apiKey:\n    type: string\n    secret: true\n    default: dev-key\n";

        // Act
        var config = ProgramConfig.Build(Project(projectYaml), "dev", new StackSettingsFile(), crypter: null);

        // Assert
        Assert.Equal("dev-key", config.Values["homelab:apiKey"]);
        Assert.Equal(["homelab:apiKey"], config.SecretKeys);
    }

    [Fact]
    public void Build_EncryptedValuesWithoutCrypter_ThrowsListingKeys()
    {
        // Arrange
        var stack = StackSettingsFile.Parse("config:\n  homelab:a:\n    secure: v1:x:y\n  homelab:b: plain\n");

        // Act
        var exception = Assert.Throws<InvalidOperationException>(
            () => ProgramConfig.Build(Project("name: homelab\nruntime: dotnet\n"), "dev", stack, crypter: null));

        // Assert
        Assert.Equal("Stack 'dev' has encrypted configuration (homelab:a) but no secrets provider is open", exception.Message);
    }
}
