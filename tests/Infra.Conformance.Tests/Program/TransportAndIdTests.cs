using Google.Protobuf.WellKnownTypes;
using Infra.Conformance.Tests.Fakes;
using Infra.Protocol.Rpc;
using Infra.Testing;

namespace Infra.Conformance.Tests.Program;

public sealed class TransportAndIdTests
{
    [Fact]
    public async Task Register_InputAndOutputAbove4MiB_TravelsBothWays()
    {
        var big = new string('x', 5 * 1024 * 1024);
        Output<string> echoed = null!;

        await using var run = await ProgramHarness.RunAsync(new StrictEngineOptions { IsPreview = false }, () =>
        {
            echoed = new Widget("big", new WidgetArgs { Name = big }).Name;
        });

        run.Engine.AssertNoViolations();
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(big.Length, (await echoed.GetValueAsync()).Length);
    }

    [Fact]
    public async Task Preview_EmptyIdOfNewResource_IsUnknownNotEmpty()
    {
        Output<string> id = null!;

        await using var run = await ProgramHarness.RunAsync(new StrictEngineOptions { IsPreview = true }, () =>
        {
            id = new Widget("a", new WidgetArgs { Name = "a" }).Id;
        });

        run.Engine.AssertNoViolations();
        Assert.False(await id.IsKnownAsync());
    }

    [Fact]
    public async Task Invoke_SecretInResult_MakesOutputSecret()
    {
        var options = new StrictEngineOptions
        {
            IsPreview = false,
            InvokeHandlers =
            {
                ["test:index:getToken"] = request =>
                {
                    var result = new Struct();
                    result.Fields["token"] = OutputHooks.Secret(Value.ForString("t0k"));
                    return new ResourceInvokeResponse { Return = result };
                },
            },
        };
        Output<TokenResult> token = null!;

        await using var run = await ProgramHarness.RunAsync(options, () =>
        {
            token = Deployment.Invoke<TokenResult>("test:index:getToken", InvokeArgs.Empty);
        });

        run.Engine.AssertNoViolations();
        Assert.True(await token.IsSecretAsync());
        Assert.Equal("t0k", (await token.GetValueAsync()).Token);
    }

    [Fact]
    public async Task Invoke_Failures_FailTheProgramWithReasonAndProperty()
    {
        var options = new StrictEngineOptions
        {
            IsPreview = false,
            InvokeHandlers =
            {
                ["test:index:getToken"] = request =>
                {
                    var response = new ResourceInvokeResponse();
                    response.Failures.Add(new CheckFailure { Property = "name", Reason = "no such token" });
                    return response;
                },
            },
        };

        await using var run = await ProgramHarness.RunAsync(options, async () =>
        {
            await Deployment.InvokeAsync<TokenResult>("test:index:getToken", InvokeArgs.Empty);
            return new Dictionary<string, object?>();
        });

        Assert.Equal(32, run.ExitCode);
        Assert.Contains(run.Engine.Logs, l => l.Message.Contains("Invoke of 'test:index:getToken' failed: no such token (name)", StringComparison.Ordinal));
    }

    internal sealed class TokenResult
    {
        public string Token { get; init; } = string.Empty;
    }
}
