using Infra.Engine.Projects;

namespace Infra.Engine.Tests.Projects;

public sealed class ProjectLoaderTests
{
    private const string FilePath = "/work/homelab/Pulumi.yaml";

    private const string FullExample = """
        name: homelab
        runtime:
          name: dotnet
          options:
            binary: bin/Release/net8.0/Homelab.dll
        main: src/Homelab/
        stackConfigDir: stacks/
        backend:
          url: file://./.state
        options:
          refresh: always
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

    [Fact]
    public void Parse_MinimalExample_ReadsNameRuntimeDescription()
    {
        // Arrange
        const string yaml = """
            name: homelab
            runtime: dotnet
            description: Homelab cluster
            """;

        // Act
        var project = ProjectLoader.Parse(yaml, FilePath);

        // Assert
        Assert.Equal("homelab", project.Name);
        Assert.Equal("dotnet", project.Runtime?.Name);
        Assert.Empty(project.Runtime!.Options);
        Assert.Equal("Homelab cluster", project.Description);
        Assert.Equal("/work/homelab", project.RootDirectory);
        Assert.Equal("/work/homelab", project.ProgramPath);
        Assert.Empty(project.Config);
    }

    [Fact]
    public void Parse_FullExample_ReadsEveryField()
    {
        // Act
        var project = ProjectLoader.Parse(FullExample, FilePath);

        // Assert
        Assert.Equal("dotnet", project.Runtime?.Name);
        Assert.Equal("bin/Release/net8.0/Homelab.dll", project.Runtime?.Binary);
        Assert.Equal("src/Homelab/", project.Main);
        Assert.Equal("/work/homelab/src/Homelab/", project.ProgramPath);
        Assert.Equal("stacks/", project.StackConfigDir);
        Assert.Equal("file://./.state", project.BackendUrl);
        Assert.True(project.RefreshAlways);
        Assert.Equal("/work/homelab/stacks/Pulumi.dev.yaml", project.GetStackSettingsPath("dev"));
        Assert.Equal(3, project.Config.Count);

        var nodeCount = project.Config[0];
        Assert.Equal("homelab:nodeCount", nodeCount.Key.FullKey);
        Assert.Equal("integer", nodeCount.Type?.ToString());
        Assert.Equal("3", nodeCount.Default?.ScalarText);
        Assert.False(nodeCount.Secret);

        var password = project.Config[1];
        Assert.Equal("homelab:adminPassword", password.Key.FullKey);
        Assert.True(password.Secret);
        Assert.Null(password.EffectiveDefault);

        var endpoint = project.Config[2];
        Assert.Equal("proxmox:endpoint", endpoint.Key.FullKey);
        Assert.Null(endpoint.Type);
        Assert.Equal("https://pve.lan:8006", endpoint.Value?.ScalarText);
    }

    [Fact]
    public void Parse_ShortFormConfig_ProjectKeyBecomesDefaultOtherBecomesValue()
    {
        // Arrange
        const string yaml = """
            name: homelab
            runtime: dotnet
            config:
              homelab:region: lab1
              zones: [a, b]
              kubernetes:context: admin@cluster
            """;

        // Act
        var project = ProjectLoader.Parse(yaml, FilePath);

        // Assert
        Assert.Equal("lab1", project.Config[0].Default?.ScalarText);
        Assert.Null(project.Config[0].Value);
        Assert.Equal("homelab:zones", project.Config[1].Key.FullKey);
        Assert.Equal(ConfigValueKind.Array, project.Config[1].Default?.Kind);
        Assert.Equal("admin@cluster", project.Config[2].Value?.ScalarText);
        Assert.Null(project.Config[2].Default);
    }

    [Fact]
    public void Parse_ArrayTypeWithNestedItems_PrintsArrayOfType()
    {
        // Arrange
        const string yaml = """
            name: homelab
            runtime: dotnet
            config:
              matrix:
                type: array
                items:
                  type: array
                  items:
                    type: integer
                default: [[1, 2], [3]]
            """;

        // Act
        var project = ProjectLoader.Parse(yaml, FilePath);

        // Assert
        Assert.Equal("array<array<integer>>", project.Config[0].Type?.ToString());
    }

    [Fact]
    public void Parse_LegacyConfigString_IsStackConfigDir()
    {
        // Arrange
        const string yaml = "name: homelab\nruntime: dotnet\nconfig: stacks\n";

        // Act
        var project = ProjectLoader.Parse(yaml, FilePath);

        // Assert
        Assert.Equal("stacks", project.StackConfigDir);
        Assert.Empty(project.Config);
    }

    [Fact]
    public void Parse_NoRuntime_IsAllowed()
    {
        // Act
        var project = ProjectLoader.Parse("name: empty\n", FilePath);

        // Assert
        Assert.Null(project.Runtime);
    }

    [Fact]
    public void Parse_ByteOrderMark_IsIgnored()
    {
        // Act
        var project = ProjectLoader.Parse("\uFEFFname: homelab\nruntime: dotnet\n", FilePath);

        // Assert
        Assert.Equal("homelab", project.Name);
    }

    [Fact]
    public void Parse_UnknownTopLevelKeys_AreIgnored()
    {
        // Arrange
        const string yaml = "name: homelab\nruntime: yaml\nresources: {}\nrequiredPulumiVersion: '>=3.100.0'\n";

        // Act
        var project = ProjectLoader.Parse(yaml, FilePath);

        // Assert
        Assert.Equal("yaml", project.Runtime?.Name);
    }

    [Fact]
    public void Parse_MissingNameWithNearMiss_ReportsHint()
    {
        // Act
        var exception = Assert.Throws<ProjectValidationException>(() => ProjectLoader.Parse("nme: homelab\nruntime: dotnet\n", FilePath));

        // Assert
        Assert.Equal(
            $"Project file '{FilePath}' is invalid (1 problem):" + Environment.NewLine
            + "  - name: project is missing a 'name' attribute; found 'nme' instead",
            exception.Message);
    }

    [Fact]
    public void Parse_EmptyFile_ReportsMissingName()
    {
        // Act
        var exception = Assert.Throws<ProjectValidationException>(() => ProjectLoader.Parse(string.Empty, FilePath));

        // Assert
        Assert.Equal(
            $"Project file '{FilePath}' is invalid (1 problem):" + Environment.NewLine
            + "  - name: project is missing a 'name' attribute",
            exception.Message);
    }

    [Fact]
    public void Parse_EmptyName_ReportsNonEmptyStringRule()
    {
        // Act
        var exception = Assert.Throws<ProjectValidationException>(() => ProjectLoader.Parse("name: ''\n", FilePath));

        // Assert
        Assert.Equal(
            $"Project file '{FilePath}' is invalid (1 problem):" + Environment.NewLine
            + "  - name: project is missing a non-empty string 'name' attribute",
            exception.Message);
    }

    [Fact]
    public void Parse_ManyProblems_ListsEveryProblemInOneException()
    {
        // Arrange
        const string yaml = """
            name: my proj
            runtime: [dotnet]
            main: [a]
            backend: file://./state
            options:
              refresh: never
              color: always
            config:
              a:b:c: 1
              count:
                type: integer
                default: three
              flags:
                type: array
              mode:
                type: enum
              aws:region:
                default: us-east-1
                type: string
              both:
                default: 1
                value: 2
              extra:
                type: string
                secrets: true
              password:
                type: integer
                secret: true
                default: hunter2
              verbose:
                secret: maybe
            """;

        // Act
        var exception = Assert.Throws<ProjectValidationException>(() => ProjectLoader.Parse(yaml, FilePath));

        // Assert
        var nl = Environment.NewLine;
        Assert.Equal(
            $"Project file '{FilePath}' is invalid (16 problems):{nl}"
            + $"  - name: project names may only contain alphanumerics, hyphens, underscores, and periods (was 'my proj'){nl}"
            + $"  - runtime: runtime section must be a string or an object with name and options attributes{nl}"
            + $"  - main: must be a string{nl}"
            + $"  - backend: must be a map with a 'url' string{nl}"
            + $"  - options.refresh: the only allowed value is 'always' (was 'never'){nl}"
            + $"  - options.color: unknown option (the only allowed option is 'refresh'){nl}"
            + $"  - config.a:b:c: configuration keys should be of the form `<namespace>:<name>` (was 'a:b:c'){nl}"
            + $"  - config.count.default: must be of type 'integer' (was 'three'){nl}"
            + $"  - config.flags.items: is required when type is 'array'{nl}"
            + $"  - config.mode.type: must be one of string, integer, boolean, array, object (was 'enum'){nl}"
            + $"  - config.aws:region.default: Configuration key 'aws:region' is not namespaced by the project and should not define a default value. Did you mean to use the 'value' attribute instead of 'default'?{nl}"
            + $"  - config.aws:region.type: Configuration key 'aws:region' is not namespaced by the project and should not define a type{nl}"
            + $"  - config.both: may not define both 'default' and 'value'{nl}"
            + $"  - config.extra.secrets: unknown attribute (allowed: type, items, description, secret, default, value){nl}"
            + $"  - config.password.default: must be of type 'integer' (was [secret]){nl}"
            + "  - config.verbose.secret: must be true or false (was 'maybe')",
            exception.Message);
        Assert.Equal(16, exception.Problems.Count);
        Assert.DoesNotContain("hunter2", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_RuntimeObjectWithoutName_ReportsRuntimeName()
    {
        // Arrange
        const string yaml = "name: homelab\nruntime:\n  options:\n    binary: app.dll\n  version: 2\n";

        // Act
        var exception = Assert.Throws<ProjectValidationException>(() => ProjectLoader.Parse(yaml, FilePath));

        // Assert
        var nl = Environment.NewLine;
        Assert.Equal(
            $"Project file '{FilePath}' is invalid (2 problems):{nl}"
            + $"  - runtime.version: unknown attribute; runtime section must be a string or an object with name and options attributes{nl}"
            + "  - runtime.name: is required; runtime section must be a string or an object with name and options attributes",
            exception.Message);
    }

    [Fact]
    public void Parse_ItemsWithoutArrayAndLegacyConflict_ReportsBoth()
    {
        // Arrange
        const string yaml = "name: homelab\nstackConfigDir: a\nconfig: b\n";
        const string yaml2 = "name: homelab\nconfig:\n  x:\n    type: string\n    items:\n      type: string\n";

        // Act
        var legacy = Assert.Throws<ProjectValidationException>(() => ProjectLoader.Parse(yaml, FilePath));
        var items = Assert.Throws<ProjectValidationException>(() => ProjectLoader.Parse(yaml2, FilePath));

        // Assert
        Assert.Equal(
            "config: the legacy string form (a stack config folder) may not be combined with 'stackConfigDir' (was 'b')",
            Assert.Single(legacy.Problems).ToString());
        Assert.Equal("config.x.items: is only allowed when type is 'array'", Assert.Single(items.Problems).ToString());
    }

    [Fact]
    public void Parse_InvalidYaml_ReportsLineAndColumn()
    {
        // Act
        var exception = Assert.Throws<ProjectValidationException>(() => ProjectLoader.Parse("name: [homelab\n", FilePath));

        // Assert
        var problem = Assert.Single(exception.Problems);
        Assert.Equal("line 2, column 1", problem.Key);
        Assert.StartsWith("the project file is not valid YAML: ", problem.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_RootIsList_ReportsRootRule()
    {
        // Act
        var exception = Assert.Throws<ProjectValidationException>(() => ProjectLoader.Parse("- a\n- b\n", FilePath));

        // Assert
        Assert.Equal("(root): the project file must be a YAML map", Assert.Single(exception.Problems).ToString());
    }

    [Fact]
    public async Task LoadAsync_PulumiJson_ReadsJsonProject()
    {
        // Arrange
        using var temp = new TempDirectory();
        var path = temp.Write("Pulumi.json", "{\"name\": \"homelab\", \"runtime\": {\"name\": \"dotnet\", \"options\": {\"binary\": \"app.dll\"}}}");

        // Act
        var project = await ProjectLoader.LoadAsync(path, TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal("homelab", project.Name);
        Assert.Equal("app.dll", project.Runtime?.Binary);
        Assert.Equal(Path.Combine(temp.Path, "Pulumi.dev.json"), project.GetStackSettingsPath("dev"));
    }

    [Fact]
    public void FindProjectFile_FromNestedFolder_WalksUpToProjectRoot()
    {
        // Arrange
        using var temp = new TempDirectory();
        var projectFile = temp.Write("proj/Pulumi.yaml", "name: homelab\nruntime: dotnet\n");
        var nested = Directory.CreateDirectory(Path.Combine(temp.Path, "proj", "src", "deep")).FullName;

        // Act
        var found = ProjectLoader.FindProjectFile(nested);

        // Assert
        Assert.Equal(projectFile, found);
    }

    [Fact]
    public void FindProjectFile_YmlOnly_IsAccepted()
    {
        // Arrange
        using var temp = new TempDirectory();
        var projectFile = temp.Write("Pulumi.yml", "name: homelab\n");

        // Act
        var found = ProjectLoader.FindProjectFile(temp.Path);

        // Assert
        Assert.Equal(projectFile, found);
    }

    [Fact]
    public void FindProjectFile_YamlAndYml_PrefersYamlLikeTheCli()
    {
        // Arrange
        using var temp = new TempDirectory();
        temp.Write("Pulumi.yml", "name: b\n");
        var yaml = temp.Write("Pulumi.yaml", "name: a\n");

        // Act
        var found = ProjectLoader.FindProjectFile(temp.Path);

        // Assert
        Assert.Equal(yaml, found);
    }

    [Fact]
    public async Task FindAndLoadAsync_YmlProject_StackFileUsesSameExtension()
    {
        // Arrange
        using var temp = new TempDirectory();
        temp.Write("Pulumi.yml", "name: homelab\nruntime: dotnet\n");

        // Act
        var project = await ProjectLoader.FindAndLoadAsync(temp.Path, TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(Path.Combine(temp.Path, "Pulumi.dev.yml"), project.GetStackSettingsPath("dev"));
        Assert.Equal(Path.Combine(temp.Path, "Pulumi.prod.yml"), project.GetStackSettingsPath("organization/homelab/prod"));
    }

    [Fact]
    public async Task FindAndLoadAsync_NoProjectAnywhere_ThrowsFileNotFound()
    {
        // Arrange
        using var temp = new TempDirectory();

        // Act
        var exception = await Assert.ThrowsAsync<FileNotFoundException>(
            () => ProjectLoader.FindAndLoadAsync(temp.Path, TestContext.Current.CancellationToken));

        // Assert
        Assert.StartsWith($"no Pulumi.yaml project file found in '{temp.Path}' or any parent folder", exception.Message, StringComparison.Ordinal);
    }
}
