using Infra;
using Infra.Core.Tests.Fixtures;
using Infra.Testing;

namespace Infra.Core.Tests.Runtime;

public sealed class RunLifecycleTests
{
    private static readonly TestOptions Update = new() { IsPreview = false };

    [Fact]
    public async Task Run_Success_ExitsZero()
    {
        var result = await Deployment.TryTestAsync(new EchoMocks(), Update, () =>
        {
            _ = new Thing("a", new ThingArgs { Name = "a" });
            return Task.FromResult<IDictionary<string, object?>>(new Dictionary<string, object?>());
        });

        Assert.Equal(0, result.ExitCode);
        Assert.Empty(result.Errors);
    }

    [Fact]
    public async Task Run_ProgramThrows_Exits32AndReportsErrorThroughEngineLog()
    {
        var result = await Deployment.TryTestAsync(new EchoMocks(), Update, () =>
        {
            _ = new Thing("a", new ThingArgs { Name = "a" });
            throw new InvalidTimeZoneException("boom in user code");
        });

        Assert.Equal(32, result.ExitCode);
        var error = Assert.Single(result.Logs, l => l.Severity == "error");
        Assert.Contains("boom in user code", error.Message, StringComparison.Ordinal);
        Assert.Contains("at ", error.Message, StringComparison.Ordinal); // unexpected errors keep their stack trace
    }

    [Fact]
    public async Task Run_ProgramThrows_StillWaitsForEveryRegistration()
    {
        var result = await Deployment.TryTestAsync(new EchoMocks(), Update, () =>
        {
            _ = new Thing("a", new ThingArgs { Name = "a" });
            _ = new Thing("b", new ThingArgs { Name = "b" });
            throw new RunException("stop");
        });

        Assert.Contains(result.Registrations, r => r.Name == "a");
        Assert.Contains(result.Registrations, r => r.Name == "b");
        Assert.Equal(32, result.ExitCode);
        Assert.Equal("stop", Assert.Single(result.Logs, l => l.Severity == "error").Message);
    }

    [Fact]
    public async Task Run_LogErrorWithoutThrow_ExitsOne()
    {
        var result = await Deployment.TryTestAsync(new EchoMocks(), Update, () =>
        {
            Log.Error("something is wrong");
            return Task.FromResult<IDictionary<string, object?>>(new Dictionary<string, object?>());
        });

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(new TestLogEntry("error", "something is wrong", string.Empty), Assert.Single(result.Logs));
    }

    [Fact]
    public async Task Run_MockFailsForOneResource_ErrorIsAttributedToThatResourceUrn()
    {
        var mocks = new Moq.Mock<IMocks>();
        mocks.Setup(m => m.NewResourceAsync(Moq.It.IsAny<MockResourceArgs>()))
            .Returns((MockResourceArgs a) => a.Name == "bad"
                ? Task.FromException<(string?, object)>(new InvalidOperationException("provider said no"))
                : Task.FromResult<(string?, object)>((a.Name, new Dictionary<string, object>())));

        var result = await Deployment.TryTestAsync(mocks.Object, Update, () =>
        {
            _ = new Thing("bad", new ThingArgs { Name = "x" });
            return Task.FromResult<IDictionary<string, object?>>(new Dictionary<string, object?>());
        });

        Assert.Equal(32, result.ExitCode);
        var error = Assert.Single(result.Logs, l => l.Severity == "error");
        Assert.Equal("urn:pulumi:stack::project::test:index:Thing::bad", error.Urn);
        Assert.Contains("provider said no", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_AfterProgramFailed_ThrowsNamingTheResource()
    {
        var mocks = new Moq.Mock<IMocks>();
        mocks.Setup(m => m.NewResourceAsync(Moq.It.IsAny<MockResourceArgs>()))
            .Returns((MockResourceArgs a) => Task.FromException<(string?, object)>(new InvalidOperationException("create failed")));
        InvalidOperationException? late = null;

        await Deployment.TryTestAsync(mocks.Object, Update, async () =>
        {
            var first = new Thing("first", new ThingArgs { Name = "x" });
            try
            {
                await first.Urn.GetValueAsync();
            }
            catch (ResourceException)
            {
                // expected: the registration failed
            }

            late = Assert.Throws<InvalidOperationException>(() => new Thing("late", new ThingArgs { Name = "y" }));
            return new Dictionary<string, object?>();
        });

        Assert.NotNull(late);
        Assert.StartsWith("Cannot register test:index:Thing 'late': the program already failed", late.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_DuplicateName_ThrowsWithUrnAndHint()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => Deployment.TestAsync(new EchoMocks(), Update, () =>
        {
            _ = new Thing("same", new ThingArgs { Name = "a" });
            _ = new Thing("same", new ThingArgs { Name = "b" });
        }));

        Assert.Equal(
            "Duplicate resource URN 'urn:pulumi:stack::project::test:index:Thing::same': a test:index:Thing named 'same' already exists under the same parent type; "
            + "give it a unique name (children are usually named after their parent, e.g. '<parent>-<role>').",
            error.Message);
    }

    [Fact]
    public async Task Register_SameNameUnderDifferentParentTypes_IsAllowed()
    {
        var result = await Deployment.TestAsync(new EchoMocks(), Update, () =>
        {
            _ = new Thing("web-first", new ThingArgs { Name = "a" });
            _ = new Pair("web");
        });

        Assert.Equal(2, result.Registrations.Count(r => r.Name == "web-first"));
    }

    [Fact]
    public async Task Register_InvalidVersionAndEmptyName_OneErrorListsBoth()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => Deployment.TestAsync(new EchoMocks(), Update, () =>
        {
            _ = new Thing(string.Empty, new ThingArgs { Name = "a" }, new CustomResourceOptions { Version = "v4.1" });
        }));

        Assert.Equal(
            $"Invalid resource test:index:Thing '':{Environment.NewLine}  name: must not be empty{Environment.NewLine}"
            + "  options.Version: must be strict semver without a leading 'v', e.g. 4.18.1 (was 'v4.1')",
            error.Message);
    }

    [Fact]
    public async Task Register_OutsideDeployment_ThrowsExplainingWhere()
    {
        var error = await Task.Run(() => Assert.Throws<InvalidOperationException>(() => new Thing("x", new ThingArgs { Name = "x" })));

        Assert.Contains("Deployment.RunAsync", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RegisterOutputs_Twice_Throws()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Deployment.TestAsync(new EchoMocks(), Update, () =>
        {
            _ = new TwiceRegistered();
        }));

        Assert.Contains("RegisterOutputs was already called", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_MalformedAliasUrn_IsRefusedNamingTheAlias()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => Deployment.TestAsync(new EchoMocks(), Update, () =>
        {
            _ = new Thing("a", new ThingArgs { Name = "a" }, new CustomResourceOptions
            {
                Aliases = { new Alias { Name = "old" }, new Alias { Urn = "urn:pulumi:stack::thing" } },
            });
        }));

        Assert.Equal(
            $"Invalid resource test:index:Thing 'a':{Environment.NewLine}  options.Aliases[1].Urn: must be a URN "
            + "'urn:pulumi:<stack>::<project>::<type>::<name>' (was 'urn:pulumi:stack::thing')",
            error.Message);
    }

    private sealed class TwiceRegistered : ComponentResource
    {
        public TwiceRegistered()
            : base("test:index:Twice", "twice")
        {
            RegisterOutputs();
            RegisterOutputs();
        }
    }
}
