using Infra.Protocol.Values;
using Infra.Testing;

namespace Infra.ProxmoxVE.Tests;

public sealed class ProviderTests
{
    private const string Token = "root@pam!infra=5b2d3d4e-8f1a-4c6b-9e7d-0a1b2c3d4e5f";

    [Fact]
    public async Task Constructor_FullConfig_RegistersSecretsAndJsonEncodedValues()
    {
        // Arrange
        void Program() => _ = new Provider("pve", new ProviderArgs
        {
            Endpoint = "https://pve.lan:8006/",
            ApiToken = Token,
            Insecure = true,
            Ssh = new ProviderSshArgs { Username = "root", Password = "ssh-secret", Nodes = [new ProviderSshNodeArgs { Name = "pve", Address = "10.0.0.2" }] },
        });

        // Act
        var result = await Deployment.TestAsync(new EchoMocks(), null, Program);

        // Assert
        var registration = result.RegistrationOf("pulumi:providers:proxmoxve", "pve");
        Assert.Equal("8.0.0", registration.Options.Version);
        Assert.Equal(PropertyValue.Create("https://pve.lan:8006/"), registration.Inputs["endpoint"]);
        Assert.Equal(PropertyValue.CreateSecret(PropertyValue.Create(Token)), registration.Inputs["apiToken"]);
        Assert.Equal(PropertyValue.Create("true"), registration.Inputs["insecure"]);
        Assert.Equal(PropertyValueKind.Secret, registration.Inputs["ssh"].Kind);
        Assert.Equal(
            """{"nodes":[{"address":"10.0.0.2","name":"pve"}],"password":"ssh-secret","username":"root"}""",
            registration.Inputs["ssh"].SecretValue.StringValue);
    }

    [Fact]
    public async Task Constructor_UsernamePassword_SendsPasswordAsSecret()
    {
        // Arrange
        void Program() => _ = new Provider("pve", new ProviderArgs { Endpoint = "https://pve.lan:8006/", Username = "root@pam", Password = "hunter2" });

        // Act
        var result = await Deployment.TestAsync(new EchoMocks(), null, Program);

        // Assert
        var inputs = result.RegistrationOf("pulumi:providers:proxmoxve", "pve").Inputs;
        Assert.Equal(PropertyValue.Create("root@pam"), inputs["username"]);
        Assert.Equal(PropertyValue.CreateSecret(PropertyValue.Create("hunter2")), inputs["password"]);
    }

    [Fact]
    public void Constructor_InvalidConfig_ThrowsListingEveryProblemWithoutTheSecret()
    {
        // Arrange
        var args = new ProviderArgs
        {
            Endpoint = "pve.lan:8006",
            ApiToken = "root@pam:infra:not-a-uuid-s3cr3t",
            MinTls = "1.4",
            RandomVmIdStart = 5000,
            RandomVmIdEnd = 4000,
        };

        // Act
        var error = Assert.Throws<ProxmoxVEValidationException>(() => new Provider("pve", args));

        // Assert
        Assert.Equal(
            "pulumi:providers:proxmoxve 'pve' has invalid arguments (4 problems):" + Environment.NewLine
            + "  ProviderArgs.Endpoint: must be an http:// or https:// URL such as https://pve.lan:8006/ (was 'pve.lan:8006')" + Environment.NewLine
            + "  ProviderArgs.ApiToken: must have the shape USER@REALM!TOKENID=UUID (the value is secret and not shown)" + Environment.NewLine
            + "  ProviderArgs.MinTls: must be one of 1.0, 1.1, 1.2, 1.3 (was '1.4')" + Environment.NewLine
            + "  ProviderArgs.RandomVmIdEnd: must not be below RandomVmIdStart (5000) (was 4000)",
            error.Message);
        Assert.DoesNotContain("s3cr3t", error.Message, StringComparison.Ordinal);
        Assert.Equal(4, error.Problems.Count);
    }

    [Fact]
    public async Task Constructor_TokenFromAnotherResource_IsNotValidatedUntilKnown()
    {
        // Arrange
        var pending = new TaskCompletionSource<string>();
        var laterToken = Output.Create(pending.Task);

        // Act
        var result = await Deployment.TestAsync(new EchoMocks(), null, () =>
        {
            _ = new Provider("pve", new ProviderArgs { Endpoint = "https://pve.lan:8006/", ApiToken = laterToken });
            pending.SetResult("not-checked-by-the-sdk");
        });

        // Assert
        Assert.Equal(
            PropertyValue.CreateSecret(PropertyValue.Create("not-checked-by-the-sdk")),
            result.RegistrationOf("pulumi:providers:proxmoxve", "pve").Inputs["apiToken"]);
    }
}
