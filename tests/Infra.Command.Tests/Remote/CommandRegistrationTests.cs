using Infra.Assets;
using Infra.Command.Common;
using Infra.Command.Remote;
using Infra.Protocol.Values;
using Infra.Testing;
using Moq;
using Local = Infra.Command.Local;

namespace Infra.Command.Tests.Remote;

/// <summary>The typed resources under mocks: tokens, wire names, secret markings and the pinned version.</summary>
public sealed class CommandRegistrationTests
{
    private static Mock<IMocks> Mocks()
    {
        var mocks = new Mock<IMocks>(MockBehavior.Loose) { CallBase = true };
        mocks.Setup(m => m.NewResourceAsync(It.IsAny<MockResourceArgs>()))
            .ReturnsAsync((MockResourceArgs a) => ((string?)(a.Name + "-id"), (object)a.Inputs));
        return mocks;
    }

    [Fact]
    public async Task RemoteCommand_Registration_SendsConnectionAsSecretWithWireNamesAndVersion()
    {
        // Act
        var result = await Deployment.TestAsync(Mocks().Object, new TestOptions(), () =>
        {
            _ = new Infra.Command.Remote.Command("setup", new CommandArgs
            {
                Connection = new ConnectionArgs { Host = "10.0.0.5", Port = 2222, PrivateKey = "KEY", DialErrorLimit = -1 },
                Create = "echo hi",
                Logging = Logging.StdoutAndStderr,
                AddPreviousOutputInEnv = false,
            });
        });

        // Assert
        var registration = result.RegistrationOf("command:remote:Command", "setup");
        Assert.Equal("1.0.0", registration.Options.Version);
        Assert.Equal(PropertyValueKind.Secret, registration.Inputs["connection"].Kind);
        var connection = registration.Inputs["connection"].WithoutSecrets().ObjectValue;
        Assert.Equal(PropertyValue.Create("10.0.0.5"), connection["host"]);
        Assert.Equal(PropertyValue.Create(2222), connection["port"]);
        Assert.Equal(PropertyValue.Create(-1), connection["dialErrorLimit"]);
        Assert.Equal(PropertyValue.Create("stdoutAndStderr"), registration.Inputs["logging"]);
        Assert.Equal(PropertyValue.False, registration.Inputs["addPreviousOutputInEnv"]);
    }

    [Fact]
    public async Task CopyToRemote_Registration_SendsSourceAsAssetOrArchive()
    {
        // Act
        var result = await Deployment.TestAsync(Mocks().Object, new TestOptions(), () =>
        {
            _ = new CopyToRemote("file", new CopyToRemoteArgs
            {
                Connection = new ConnectionArgs { Host = "h", Password = "pw" },
                Source = new FileAsset("app.conf"),
                RemotePath = "/etc/app.conf",
            });
            _ = new CopyToRemote("dir", new CopyToRemoteArgs
            {
                Connection = new ConnectionArgs { Host = "h", Password = "pw" },
                Source = new FileArchive("site"),
                RemotePath = "/srv",
                Triggers = new object[] { "v1" },
            });
        });

        // Assert
        var file = result.RegistrationOf("command:remote:CopyToRemote", "file");
        Assert.Equal(PropertyValue.CreateAsset(new AssetValue(Path: "app.conf")), file.Inputs["source"]);
        Assert.Equal(PropertyValue.Create("/etc/app.conf"), file.Inputs["remotePath"]);
        var dir = result.RegistrationOf("command:remote:CopyToRemote", "dir");
        Assert.Equal(PropertyValue.CreateArchive(new ArchiveValue(Path: "site")), dir.Inputs["source"]);
        Assert.Equal(PropertyValue.CreateArray([PropertyValue.Create("v1")]), dir.Inputs["triggers"]);
    }

    [Fact]
    public async Task LocalCommand_Registration_UsesLocalTokenAndWireNames()
    {
        // Act
        var result = await Deployment.TestAsync(Mocks().Object, new TestOptions(), () =>
        {
            _ = new Local.Command("build", new Local.CommandArgs
            {
                Create = "make",
                Dir = "/src",
                Interpreter = new[] { "/bin/bash", "-c" },
                Environment = new Dictionary<string, string> { ["A"] = "1" },
                AssetPaths = new[] { "out/**" },
            });
        });

        // Assert
        var registration = result.RegistrationOf("command:local:Command", "build");
        Assert.Equal("1.0.0", registration.Options.Version);
        Assert.Equal(
            ["assetPaths", "create", "dir", "environment", "interpreter"],
            registration.Inputs.Keys.Order(StringComparer.Ordinal));
    }
}
