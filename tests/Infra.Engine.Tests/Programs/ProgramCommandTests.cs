using Infra.Engine.Programs;
using Infra.Engine.Projects;

namespace Infra.Engine.Tests.Programs;

public sealed class ProgramCommandTests
{
    private const string Root = "/work/proj";

    [Fact]
    public void For_PlainDotnetRuntime_BuildsThenRunsTheProjectDirectory()
    {
        // Arrange
        var project = ProjectLoader.Parse("name: proj\nruntime: dotnet\n", $"{Root}/Pulumi.yaml");

        // Act
        var command = ProgramCommand.For(project);

        // Assert
        Assert.True(command.NeedsBuild);
        Assert.Equal(Root, command.ProgramDirectory);
        Assert.Equal("dotnet", command.BuildCommand().FileName);
        Assert.Equal(["build", "-nologo", Root], command.BuildCommand().Arguments);
        Assert.Equal("dotnet", command.RunCommand().FileName);
        Assert.Equal(["run", "--no-build", "--project", Root], command.RunCommand().Arguments);
    }

    [Fact]
    public void For_BinaryDll_RunsItWithDotnetAndNeedsNoBuild()
    {
        // Arrange
        var project = ProjectLoader.Parse("name: proj\nruntime:\n  name: dotnet\n  options:\n    binary: bin/app.dll\n", $"{Root}/Pulumi.yaml");

        // Act
        var command = ProgramCommand.For(project);

        // Assert
        Assert.False(command.NeedsBuild);
        Assert.Equal("dotnet", command.RunCommand().FileName);
        Assert.Equal([$"{Root}/bin/app.dll"], command.RunCommand().Arguments);
    }

    [Fact]
    public void For_BinaryExecutable_RunsItDirectly()
    {
        // Arrange
        var project = ProjectLoader.Parse("name: proj\nruntime:\n  name: dotnet\n  options:\n    binary: out/app\n", $"{Root}/Pulumi.yaml");

        // Act
        var (fileName, arguments) = ProgramCommand.For(project).RunCommand();

        // Assert
        Assert.Equal($"{Root}/out/app", fileName);
        Assert.Empty(arguments);
    }

    [Fact]
    public void For_MainNamesAFolder_ThatFolderIsTheProgramDirectory()
    {
        // Arrange
        var project = ProjectLoader.Parse("name: proj\nruntime: dotnet\nmain: src/App\n", $"{Root}/Pulumi.yaml");

        // Act
        var command = ProgramCommand.For(project);

        // Assert
        Assert.Equal($"{Root}/src/App", command.ProgramDirectory);
        Assert.Equal($"{Root}/src/App", command.ProjectPath);
    }

    [Fact]
    public void For_OtherRuntime_ThrowsNamingIt()
    {
        // Arrange
        var project = ProjectLoader.Parse("name: proj\nruntime: nodejs\n", $"{Root}/Pulumi.yaml");

        // Act
        var error = Assert.Throws<InvalidOperationException>(() => ProgramCommand.For(project));

        // Assert
        Assert.Equal(
            $"Project 'proj' ({Root}/Pulumi.yaml): runtime 'nodejs' is not supported; the infra engine runs 'runtime: dotnet' programs.",
            error.Message);
    }
}
