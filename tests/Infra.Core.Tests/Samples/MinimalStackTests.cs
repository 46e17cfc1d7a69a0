using System.Diagnostics;
using Infra;
using Infra.Protocol.Values;
using Infra.Testing;
using Minimal;
using Minimal.Resources;
using Moq;

namespace Infra.Core.Tests.Samples;

/// <summary>The sample stack tested the way a user tests theirs: Moq mocks, assertions on inputs, outputs and graph.</summary>
public sealed class MinimalStackTests
{
    private static Mock<IMocks> EchoingMocks()
    {
        var mocks = new Mock<IMocks>();
        mocks.Setup(m => m.NewResourceAsync(It.IsAny<MockResourceArgs>()))
            .ReturnsAsync((MockResourceArgs a) =>
            {
                var state = a.Inputs.ToDictionary(p => p.Key, p => p.Value);
                state["computed"] = $"{a.Name}-computed";
                return ((string?)$"{a.Name}-id", (object)state);
            });
        return mocks;
    }

    [Fact]
    public async Task MinimalStack_Update_PageIsBuiltFromSettings()
    {
        // Arrange
        var mocks = EchoingMocks();
        var options = new TestOptions { IsPreview = false, Config = { ["project:greeting"] = "hi" } };

        // Act
        var result = await Deployment.TestAsync<MinimalStack>(mocks.Object, options);

        // Assert
        var page = result.RegistrationOf(TestResource.TypeToken, "site-page");
        Assert.Equal(PropertyValue.Create("hi from site-settings-computed"), page.Inputs["value"]);
        Assert.Equal("urn:pulumi:stack::project::minimal:index:GreetingSite$test:index:Resource::site-page", page.Urn);
        Assert.Equal([result.RegistrationOf(TestResource.TypeToken, "site-settings").Urn], page.Dependencies);
        var stack = result.Resources.OfType<MinimalStack>().Single();
        Assert.Equal("http://site-page-computed.lan/", await stack.Url.GetValueAsync());
        Assert.Equal("site-page-id", await stack.PageId.GetValueAsync());
    }

    [Fact]
    public async Task MinimalStack_Preview_ComputedValuesAreUnknownAndSecretTokenStaysSecret()
    {
        var mocks = new Mock<IMocks>();
        mocks.Setup(m => m.NewResourceAsync(It.IsAny<MockResourceArgs>()))
            .ReturnsAsync(((string?)null, (object)new Dictionary<string, object>()));
        var options = new TestOptions { SecretConfig = { ["project:apiToken"] = "t0ken" } };

        var result = await Deployment.TestAsync<MinimalStack>(mocks.Object, options);

        var settings = result.RegistrationOf(TestResource.TypeToken, "site-settings");
        Assert.Equal(PropertyValue.CreateSecret(PropertyValue.Create("t0ken")), settings.Inputs["token"]);
        Assert.Equal(PropertyValue.Create("hello"), settings.Inputs["value"]);
        Assert.Equal(PropertyValueKind.Unknown, result.RegistrationOf(TestResource.TypeToken, "site-page").Inputs["value"].Kind);
        Assert.Equal(PropertyValueKind.Unknown, result.StackOutputs["url"].Kind);
    }

    [Fact]
    public async Task MinimalProgram_StartedWithoutEngine_PrintsHowToRunItAndExitsNonZero()
    {
        // Arrange: the sample's entry assembly, run as a user would run it by mistake.
        var assembly = typeof(MinimalStack).Assembly.Location;
        var start = new ProcessStartInfo("dotnet", [assembly])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var name in new[] { "PULUMI_MONITOR", "PULUMI_ENGINE", "PULUMI_PROJECT", "PULUMI_STACK" })
        {
            start.Environment.Remove(name);
        }

        // Act
        using var process = Process.Start(start)!;
        var stderr = await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(1, process.ExitCode);
        Assert.Contains("'infra preview'", stderr, StringComparison.Ordinal);
        Assert.Contains("'pulumi preview'", stderr, StringComparison.Ordinal);
        Assert.Contains("missing PULUMI_MONITOR", stderr, StringComparison.Ordinal);
    }
}
