using Infra;
using Infra.Core.Tests.Fixtures;
using Infra.Protocol.Values;
using Infra.Testing;
using Moq;

namespace Infra.Core.Tests.Testing;

public sealed class DeploymentTestTests
{
    private static TestOptions Options(bool preview = false) => new()
    {
        IsPreview = preview,
        SecretConfig = { ["project:password"] = "hunter2" },
    };

    [Fact]
    public async Task TestAsync_Stack_RecordsEveryResourceWithTypeNameParentAndUrn()
    {
        // Act
        var result = await Deployment.TestAsync<ThingStack>(new EchoMocks(), Options());

        // Assert
        Assert.Equal(
            [
                "pulumi:pulumi:Stack project-stack",
                "test:index:Thing db",
                "test:index:Pair web",
                "test:index:Thing web-first",
                "test:index:Thing web-second",
                "test:index:Thing app",
            ],
            result.Registrations.Select(r => $"{r.Type} {r.Name}").OrderBy(Order).ToArray());
        var first = result.RegistrationOf("test:index:Thing", "web-first");
        Assert.Equal("urn:pulumi:stack::project::test:index:Pair$test:index:Thing::web-first", first.Urn);
        Assert.Equal("urn:pulumi:stack::project::test:index:Pair::web", first.Parent);
        Assert.Equal("urn:pulumi:stack::project::pulumi:pulumi:Stack::project-stack", result.RegistrationOf("test:index:Thing", "db").Parent);
        Assert.Equal(6, result.Resources.Length);
    }

    [Fact]
    public async Task TestAsync_Stack_RecordsInputsWithSecretsKept()
    {
        var result = await Deployment.TestAsync<ThingStack>(new EchoMocks(), Options());

        var db = result.RegistrationOf("test:index:Thing", "db");
        Assert.Equal(PropertyValue.Create(3), db.Inputs["size"]);
        Assert.Equal(PropertyValue.CreateSecret(PropertyValue.Create("hunter2")), db.Inputs["password"]);
        Assert.Equal(PropertyValue.CreateArray([PropertyValue.Create("data"), PropertyValue.Create("critical")]), db.Inputs["tags"]);
        Assert.Equal("hunter2", db.PlainInputs["password"]);
        Assert.True(db.Options.Protect);
        Assert.Equal("1.2.3", db.Options.Version);
    }

    [Fact]
    public async Task TestAsync_Dependencies_IncludeReferencedResourcesAndExpandedComponents()
    {
        var result = await Deployment.TestAsync<ThingStack>(new EchoMocks(), Options());

        var app = result.RegistrationOf("test:index:Thing", "app");
        var db = result.RegistrationOf("test:index:Thing", "db").Urn;
        var first = result.RegistrationOf("test:index:Thing", "web-first").Urn;
        var second = result.RegistrationOf("test:index:Thing", "web-second").Urn;
        Assert.Equal(new[] { db, first, second }.Order(StringComparer.Ordinal), app.Dependencies);
        Assert.Equal([db], app.PropertyDependencies["name"]);
        Assert.Equal([db], app.PropertyDependencies["peer"]);
        Assert.Equal(PropertyValueKind.ResourceReference, app.Inputs["peer"].Kind);
        Assert.Equal(db, app.Inputs["peer"].ResourceReferenceValue.Urn);
        Assert.Equal("db-id", app.Inputs["peer"].ResourceReferenceValue.Id);
    }

    [Fact]
    public async Task TestAsync_UpdateMode_ResolvesOutputsAndStackOutputs()
    {
        var result = await Deployment.TestAsync<ThingStack>(new EchoMocks(), Options());

        var stack = result.Resources.OfType<ThingStack>().Single();
        Assert.Equal("db.lan", await stack.DatabaseAddress.GetValueAsync());
        Assert.Equal("app-db.lan", await stack.AppName.GetValueAsync());
        Assert.Equal(PropertyValue.Create("db.lan"), result.StackOutputs["databaseAddress"]);
        Assert.Equal(PropertyValue.CreateSecret(PropertyValue.Create("hunter2")), result.StackOutputs["password"]);
        Assert.True(await stack.Password.IsSecretAsync());
    }

    [Fact]
    public async Task TestAsync_Preview_MissingOutputsAreUnknownAndHelperNamesTheResource()
    {
        // Arrange: mocks that return no outputs at all
        var mocks = new Mock<IMocks>();
        mocks.Setup(m => m.NewResourceAsync(It.IsAny<MockResourceArgs>()))
            .ReturnsAsync((MockResourceArgs a) => ((string?)null, (object)new Dictionary<string, object>()));

        // Act
        var result = await Deployment.TestAsync<ThingStack>(mocks.Object, Options(preview: true));

        // Assert
        var stack = result.Resources.OfType<ThingStack>().Single();
        var error = await Assert.ThrowsAsync<OutputUnknownException>(() => stack.DatabaseAddress.GetValueAsync());
        Assert.Contains("test:index:Thing 'db'", error.Message, StringComparison.Ordinal);
        var app = result.RegistrationOf("test:index:Thing", "app");
        Assert.Equal(PropertyValueKind.Unknown, app.Inputs["name"].Kind);
        Assert.Equal(PropertyValueKind.Unknown, result.StackOutputs["databaseAddress"].Kind);
        mocks.Verify(m => m.NewResourceAsync(It.Is<MockResourceArgs>(a => a.Name == "app" && !a.Inputs.ContainsKey("name"))), Times.Once);
    }

    [Fact]
    public async Task TestAsync_Moq_SeesPlainInputsAndCustomFlag()
    {
        var mocks = new Mock<IMocks>();
        mocks.Setup(m => m.NewResourceAsync(It.IsAny<MockResourceArgs>()))
            .ReturnsAsync((MockResourceArgs a) => ((string?)(a.Custom ? a.Name + "-id" : null), (object)a.Inputs));

        await Deployment.TestAsync<ThingStack>(mocks.Object, Options());

        mocks.Verify(m => m.NewResourceAsync(It.Is<MockResourceArgs>(a =>
            a.Type == "test:index:Thing" && a.Name == "db" && a.Custom && (string)a.Inputs["password"] == "hunter2")), Times.Once);
        mocks.Verify(m => m.NewResourceAsync(It.Is<MockResourceArgs>(a => a.Type == "test:index:Pair" && !a.Custom)), Times.Once);
    }

    [Fact]
    public async Task TestAsync_MissingRequiredConfig_ThrowsNamingKeyAndCommand()
    {
        var error = await Assert.ThrowsAsync<ConfigMissingException>(
            () => Deployment.TestAsync<ThingStack>(new EchoMocks(), new TestOptions()));

        Assert.Equal(
            "Missing required configuration variable 'project:password': set it with 'infra config set project:password <value> --secret' "
            + "(or 'pulumi config set project:password <value> --secret').",
            error.Message);
    }

    [Fact]
    public async Task TestAsync_MalformedConfig_ThrowsNamingKeyTypeAndValue()
    {
        var options = new TestOptions { Config = { ["project:size"] = "three" }, SecretConfig = { ["project:password"] = "x" } };

        var error = await Assert.ThrowsAsync<ConfigTypeException>(() => Deployment.TestAsync<ThingStack>(new EchoMocks(), options));

        Assert.Equal("Configuration 'project:size' must be a 32-bit integer (was 'three').", error.Message);
    }

    [Fact]
    public async Task TestAsync_MalformedSecretConfig_NeverShowsTheValue()
    {
        var options = new TestOptions { SecretConfig = { ["project:size"] = "topsecret", ["project:password"] = "x" } };

        var error = await Assert.ThrowsAsync<ConfigTypeException>(() => Deployment.TestAsync<ThingStack>(new EchoMocks(), options));

        Assert.Equal("Configuration 'project:size' must be a 32-bit integer (was [secret]).", error.Message);
    }

    private static int Order(string registration) => registration switch
    {
        "pulumi:pulumi:Stack project-stack" => 0,
        "test:index:Thing db" => 1,
        "test:index:Pair web" => 2,
        "test:index:Thing web-first" => 3,
        "test:index:Thing web-second" => 4,
        _ => 5,
    };
}
