using Infra.Cli.Hosting;
using Infra.Cli.Workspace;
using Infra.Engine.Projects;

namespace Infra.Engine.Tests.Cli.Workspace;

public sealed class BackendLocatorTests
{
    private static readonly ProjectFile Project = new() { FilePath = "/work/proj/Pulumi.yaml", Name = "demo" };

    [Fact]
    public void ResolveRoot_NothingConfigured_IsProjectRoot()
    {
        // Arrange / Act
        var root = BackendLocator.ResolveRoot(new Dictionary<string, string>(), Project, "/work/proj/sub");

        // Assert
        Assert.Equal("/work/proj", root);
    }

    [Fact]
    public void ResolveRoot_EnvironmentRelativeAndHome_ResolvesPaths()
    {
        // Arrange
        var relative = new Dictionary<string, string> { ["PULUMI_BACKEND_URL"] = "file://state" };
        var home = new Dictionary<string, string> { ["PULUMI_BACKEND_URL"] = "file://~", ["HOME"] = "/home/me" };

        // Act
        var relativeRoot = BackendLocator.ResolveRoot(relative, Project, "/work/proj/sub");
        var homeRoot = BackendLocator.ResolveRoot(home, Project, "/work/proj");

        // Assert
        Assert.Equal("/work/proj/sub/state", relativeRoot);
        Assert.Equal("/home/me", homeRoot);
    }

    [Fact]
    public void ResolveRoot_ProjectBackendUrl_IsRelativeToProjectRoot()
    {
        // Arrange
        var project = new ProjectFile { FilePath = "/work/proj/Pulumi.yaml", Name = "demo", BackendUrl = "file://./state" };

        // Act
        var root = BackendLocator.ResolveRoot(new Dictionary<string, string>(), project, "/elsewhere");

        // Assert
        Assert.Equal("/work/proj/state", root);
    }

    [Fact]
    public void ResolveRoot_CloudUrl_ThrowsUsageException()
    {
        // Arrange
        var environment = new Dictionary<string, string> { ["PULUMI_BACKEND_URL"] = "s3://bucket" };

        // Act
        var exception = Assert.Throws<UsageException>(() => BackendLocator.ResolveRoot(environment, Project, "/work/proj"));

        // Assert
        Assert.Equal("PULUMI_BACKEND_URL: only local backends (file://<path>) are supported by infra (was 's3://bucket')", exception.Message);
    }
}
