using Infra;
using Infra.Core.Tests.Fixtures;
using Infra.Protocol;
using Infra.Protocol.Values;
using Infra.Testing;
using Moq;

namespace Infra.Core.Tests.Resources;

public sealed class ResourceOptionsTests
{
    private static readonly TestOptions Update = new() { IsPreview = false };

    [Fact]
    public async Task Provider_Explicit_IsSentAsUrnColonColonId()
    {
        var result = await Deployment.TestAsync(new EchoMocks(), Update, () =>
        {
            var provider = new ThingProvider("lab", new ThingProviderArgs { Endpoint = "https://pve.lan:8006" });
            _ = new Thing("a", new ThingArgs { Name = "a" }, new CustomResourceOptions { Provider = provider });
        });

        var registration = result.RegistrationOf("test:index:Thing", "a");
        Assert.Equal("urn:pulumi:stack::project::pulumi:providers:test::lab::lab-id", registration.Provider);
        Assert.Equal("pulumi:providers:test", result.RegistrationOf("pulumi:providers:test", "lab").Type);
    }

    [Fact]
    public async Task Provider_InPreviewWithUnknownId_UsesUnknownSentinel()
    {
        var mocks = new Moq.Mock<IMocks>();
        mocks.Setup(m => m.NewResourceAsync(Moq.It.IsAny<MockResourceArgs>()))
            .ReturnsAsync(((string?)null, (object)new Dictionary<string, object>()));

        var result = await Deployment.TestAsync(mocks.Object, new TestOptions(), () =>
        {
            var provider = new ThingProvider("lab");
            _ = new Thing("a", new ThingArgs { Name = "a" }, new CustomResourceOptions { Provider = provider });
        });

        Assert.Equal(
            "urn:pulumi:stack::project::pulumi:providers:test::lab::" + WireConstants.UnknownStringSentinel,
            result.RegistrationOf("test:index:Thing", "a").Provider);
    }

    [Fact]
    public async Task Provider_FromComponentProviders_IsInheritedByChildren()
    {
        var result = await Deployment.TestAsync(new EchoMocks(), Update, () =>
        {
            var provider = new ThingProvider("lab");
            _ = new Pair("web", new ComponentResourceOptions { Providers = { provider } });
        });

        var providerReference = "urn:pulumi:stack::project::pulumi:providers:test::lab::lab-id";
        Assert.Equal(providerReference, result.RegistrationOf("test:index:Pair", "web").Options.Providers["test"]);
        Assert.Equal(providerReference, result.RegistrationOf("test:index:Thing", "web-first").Provider);
        Assert.Equal(providerReference, result.RegistrationOf("test:index:Thing", "web-second").Provider);
    }

    [Fact]
    public async Task ProviderConfig_NonStringValues_AreJsonEncodedStrings()
    {
        var result = await Deployment.TestAsync(new EchoMocks(), Update, () =>
        {
            _ = new ThingProvider("lab", new ThingProviderArgs
            {
                Insecure = true,
                Settings = new ThingSettings { Retries = 3, Token = Output.CreateSecret("t0k") },
            });
        });

        var inputs = result.RegistrationOf("pulumi:providers:test", "lab").Inputs;
        Assert.Equal(PropertyValue.Create("true"), inputs["insecure"]);
        Assert.Equal(PropertyValue.CreateSecret(PropertyValue.Create("{\"retries\":3,\"token\":\"t0k\"}")), inputs["settings"]);
    }

    [Fact]
    public async Task Protect_SetOnComponent_IsInheritedByChildren()
    {
        var result = await Deployment.TestAsync(new EchoMocks(), Update, () =>
        {
            _ = new Pair("web", new ComponentResourceOptions { Protect = true, RetainOnDelete = true });
        });

        var child = result.RegistrationOf("test:index:Thing", "web-first");
        Assert.True(child.Options.Protect);
        Assert.True(child.Options.RetainOnDelete);
    }

    [Fact]
    public async Task Options_AllSent_AsTheWireNamesThem()
    {
        var result = await Deployment.TestAsync(new EchoMocks(), Update, () =>
        {
            var anchor = new Thing("anchor", new ThingArgs { Name = "anchor" });
            _ = new Thing("a", new ThingArgs { Name = "a" }, new CustomResourceOptions
            {
                DeleteBeforeReplace = true,
                IgnoreChanges = { "tags", "labels.zone" },
                ReplaceOnChanges = { "size" },
                AdditionalSecretOutputs = { "address" },
                DeletedWith = anchor,
                ImportId = "existing-1",
                PluginDownloadUrl = "https://plugins.example/test",
                Version = "2.0.0-beta.1",
                CustomTimeouts = new CustomTimeouts { Create = TimeSpan.FromMinutes(5), Delete = TimeSpan.FromSeconds(30) },
                Aliases = { new Alias { Name = "old-a" }, new Alias { Urn = "urn:pulumi:stack::project::test:index:Thing::older" }, new Alias { NoParent = true } },
            });
        });

        var options = result.RegistrationOf("test:index:Thing", "a").Options;
        Assert.True(options.DeleteBeforeReplace);
        Assert.Equal(["tags", "labels.zone"], options.IgnoreChanges);
        Assert.Equal(["size"], options.ReplaceOnChanges);
        Assert.Equal(["address"], options.AdditionalSecretOutputs);
        Assert.Equal("urn:pulumi:stack::project::test:index:Thing::anchor", options.DeletedWith);
        Assert.Equal("existing-1", options.ImportId);
        Assert.Equal("2.0.0-beta.1", options.Version);
        Assert.Equal(("300000000000ns", string.Empty, "30000000000ns", string.Empty), options.CustomTimeouts);
        Assert.Equal(
            ["name=old-a,type=,stack=,project=,parent=", "urn:pulumi:stack::project::test:index:Thing::older", "name=,type=,stack=,project=,parent=(none)"],
            options.Aliases);
    }

    [Fact]
    public async Task Provider_OfAnotherPackage_IsRefused()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => Deployment.TestAsync(new EchoMocks(), Update, () =>
        {
            var provider = new ThingProvider("lab");
            _ = new OtherThing("x", provider);
        }));

        Assert.Contains("options.Provider: a 'test' provider cannot manage a 'other' resource", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StackReference_ReadsOutputsAndKeepsSecrets()
    {
        var options = new TestOptions
        {
            IsPreview = false,
            StackReferences = { ["network/prod"] = new Dictionary<string, object?> { ["cidr"] = "10.0.0.0/16", ["vpnKey"] = "k3y" } },
            SecretStackReferenceOutputs = { "network/prod/vpnKey" },
        };
        Output<object?> cidr = null!;
        Output<object?> key = null!;

        var result = await Deployment.TestAsync(new EchoMocks(), options, () =>
        {
            var network = new StackReference("network/prod");
            cidr = network.GetOutput("cidr");
            key = network.GetOutput("vpnKey");
        });

        Assert.Equal("10.0.0.0/16", await cidr.GetValueAsync());
        Assert.False(await cidr.IsSecretAsync());
        Assert.Equal("k3y", await key.GetValueAsync());
        Assert.True(await key.IsSecretAsync());
        Assert.True(result.RegistrationOf(StackReference.TypeToken, "network/prod").IsRead);
    }

    [Fact]
    public async Task Invoke_KnownArgs_CallsMockAndReturnsTypedResult()
    {
        Output<EchoResult> output = null!;

        await Deployment.TestAsync(new EchoMocks(), Update, () =>
        {
            output = Deployment.Invoke<EchoResult>("test:index:echo", new EchoArgs { Value = "hi" });
        });

        var result = await output.GetValueAsync();
        Assert.Equal("hi", result.Echo["value"]);
    }

    [Fact]
    public async Task Invoke_UnknownArgInPreview_IsNotSentAndResultIsUnknown()
    {
        var mocks = new Moq.Mock<IMocks>();
        mocks.Setup(m => m.NewResourceAsync(Moq.It.IsAny<MockResourceArgs>()))
            .ReturnsAsync(((string?)null, (object)new Dictionary<string, object>()));
        Output<EchoResult> output = null!;

        await Deployment.TestAsync(mocks.Object, new TestOptions(), () =>
        {
            var thing = new Thing("a", new ThingArgs { Name = "a" });
            output = Deployment.Invoke<EchoResult>("test:index:echo", new EchoArgs { Value = thing.Address });
        });

        Assert.False(await output.IsKnownAsync());
        mocks.Verify(m => m.CallAsync(Moq.It.IsAny<MockCallArgs>()), Moq.Times.Never);
    }

    public sealed class EchoArgs : InvokeArgs
    {
        [Input("value")]
        public required Input<string> Value { get; init; }
    }

    public sealed class EchoResult
    {
        public System.Collections.Immutable.ImmutableDictionary<string, string> Echo { get; init; } =
            System.Collections.Immutable.ImmutableDictionary<string, string>.Empty;
    }

    private sealed class OtherThing(string name, ProviderResource provider)
        : CustomResource("other:index:Thing", name, ResourceArgs.Empty, new CustomResourceOptions { Provider = provider });
}
