using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Infra.Engine.Projects;

/// <summary>
/// Finds and reads <c>Pulumi.yaml</c>. Every rule is checked before failing, and all problems are
/// reported together in one <see cref="ProjectValidationException"/>.
/// </summary>
internal static partial class ProjectLoader
{
    /// <summary>The project file names tried in each folder, in the order the Pulumi CLI tries them.</summary>
    public static IReadOnlyList<string> ProjectFileNames { get; } = ["Pulumi.json", "Pulumi.yaml", "Pulumi.yml"];

    /// <summary>
    /// Walks up from <paramref name="startDirectory"/> and returns the first project file found, or null.
    /// </summary>
    public static string? FindProjectFile(string startDirectory)
    {
        ArgumentException.ThrowIfNullOrEmpty(startDirectory);
        for (var directory = new DirectoryInfo(Path.GetFullPath(startDirectory)); directory is not null; directory = directory.Parent)
        {
            foreach (var fileName in ProjectFileNames)
            {
                var candidate = Path.Combine(directory.FullName, fileName);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    /// <summary>Finds the project file above <paramref name="startDirectory"/> and loads it.</summary>
    /// <exception cref="FileNotFoundException">No project file exists in the folder or any parent.</exception>
    /// <exception cref="ProjectValidationException">The file is invalid.</exception>
    public static Task<ProjectFile> FindAndLoadAsync(string startDirectory, CancellationToken cancellationToken = default)
    {
        var path = FindProjectFile(startDirectory)
            ?? throw new FileNotFoundException(
                $"no Pulumi.yaml project file found in '{Path.GetFullPath(startDirectory)}' or any parent folder "
                + "(looked for Pulumi.json, Pulumi.yaml and Pulumi.yml)");
        return LoadAsync(path, cancellationToken);
    }

    /// <summary>Reads and validates a project file.</summary>
    /// <exception cref="ProjectValidationException">The file is invalid.</exception>
    public static async Task<ProjectFile> LoadAsync(string projectFilePath, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(projectFilePath);
        var fullPath = Path.GetFullPath(projectFilePath);
        var text = await File.ReadAllTextAsync(fullPath, cancellationToken).ConfigureAwait(false);
        return Parse(text, fullPath);
    }

    /// <summary>Parses and validates project file text.</summary>
    /// <param name="text">The file content (YAML, or JSON for <c>Pulumi.json</c>).</param>
    /// <param name="filePath">The file's path, used for the root folder and in messages.</param>
    /// <exception cref="ProjectValidationException">The file is invalid.</exception>
    public static ProjectFile Parse(string text, string filePath)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentException.ThrowIfNullOrEmpty(filePath);
        var headline = $"Project file '{filePath}' is invalid";
        var problems = new List<ValidationProblem>();
        var root = YamlDocuments.LoadRootMapping(text, "project file", problems);
        if (root is null)
        {
            throw new ProjectValidationException(headline, problems);
        }

        var fields = YamlDocuments.ToFieldMap(root);
        var name = ReadName(fields, problems);
        var runtime = ReadRuntime(fields, problems);
        var main = ReadString(fields, "main", problems);
        var description = ReadString(fields, "description", problems);
        var stackConfigDir = ReadString(fields, "stackConfigDir", problems);
        var backendUrl = ReadBackend(fields, problems);
        var refreshAlways = ReadOptions(fields, problems);

        var declarations = new List<ProjectConfigDeclaration>();
        if (fields.TryGetValue("config", out var configNode))
        {
            switch (configNode)
            {
                case YamlScalarNode scalar when ConfigValueYaml.FromScalar(scalar).Kind == ConfigValueKind.Null:
                    break;
                case YamlScalarNode scalar when stackConfigDir is null:
                    stackConfigDir = scalar.Value;
                    break;
                case YamlScalarNode scalar:
                    problems.Add(new ValidationProblem
                    {
                        Key = "config",
                        Rule = "the legacy string form (a stack config folder) may not be combined with 'stackConfigDir'",
                        Value = scalar.Value,
                    });
                    break;
                case YamlMappingNode mapping:
                    ReadConfig(mapping, name ?? "<project>", declarations, problems);
                    break;
                default:
                    problems.Add(new ValidationProblem { Key = "config", Rule = "must be a map of config keys" });
                    break;
            }
        }

        if (problems.Count > 0 || name is null)
        {
            throw new ProjectValidationException(headline, problems);
        }

        return new ProjectFile
        {
            FilePath = Path.GetFullPath(filePath),
            Name = name,
            Runtime = runtime,
            Main = main,
            Description = description,
            StackConfigDir = stackConfigDir,
            BackendUrl = backendUrl,
            RefreshAlways = refreshAlways,
            Config = declarations,
        };
    }

    private static string? ReadName(IReadOnlyDictionary<string, YamlNode> fields, List<ValidationProblem> problems)
    {
        if (!fields.TryGetValue("name", out var node))
        {
            var hint = fields.Keys.FirstOrDefault(key => EditDistance(key, "name") <= 2);
            problems.Add(new ValidationProblem
            {
                Key = "name",
                Rule = hint is null
                    ? "project is missing a 'name' attribute"
                    : $"project is missing a 'name' attribute; found '{hint}' instead",
            });
            return null;
        }

        if (node is not YamlScalarNode scalar || ConfigValueYaml.FromScalar(scalar).Kind == ConfigValueKind.Null || scalar.Value is not { Length: > 0 } name)
        {
            problems.Add(new ValidationProblem { Key = "name", Rule = "project is missing a non-empty string 'name' attribute" });
            return null;
        }

        if (NameRules.CheckProjectName(name) is { } rule)
        {
            problems.Add(new ValidationProblem { Key = "name", Rule = rule, Value = name });
            return null;
        }

        return name;
    }

    private static ProjectRuntime? ReadRuntime(IReadOnlyDictionary<string, YamlNode> fields, List<ValidationProblem> problems)
    {
        const string RuntimeRule = "runtime section must be a string or an object with name and options attributes";
        if (!fields.TryGetValue("runtime", out var node))
        {
            return null;
        }

        if (node is YamlScalarNode { Value: { Length: > 0 } shortName } scalar && ConfigValueYaml.FromScalar(scalar).Kind == ConfigValueKind.String)
        {
            return new ProjectRuntime { Name = shortName };
        }

        if (node is not YamlMappingNode mapping)
        {
            problems.Add(new ValidationProblem { Key = "runtime", Rule = RuntimeRule, Value = (node as YamlScalarNode)?.Value });
            return null;
        }

        var runtimeFields = YamlDocuments.ToFieldMap(mapping);
        var valid = true;
        foreach (var key in runtimeFields.Keys.Where(key => key is not ("name" or "options")))
        {
            problems.Add(new ValidationProblem { Key = $"runtime.{key}", Rule = $"unknown attribute; {RuntimeRule}" });
            valid = false;
        }

        string? runtimeName = null;
        if (runtimeFields.TryGetValue("name", out var nameNode) && nameNode is YamlScalarNode { Value: { Length: > 0 } text })
        {
            runtimeName = text;
        }
        else
        {
            problems.Add(new ValidationProblem { Key = "runtime.name", Rule = $"is required; {RuntimeRule}" });
            valid = false;
        }

        var options = new Dictionary<string, ConfigValue>(StringComparer.Ordinal);
        if (runtimeFields.TryGetValue("options", out var optionsNode))
        {
            if (optionsNode is YamlMappingNode optionsMap)
            {
                foreach (var (key, value) in YamlDocuments.ToFieldMap(optionsMap))
                {
                    options[key] = ConfigValueYaml.FromNode(value, $"runtime.options.{key}", problems);
                }
            }
            else if (!(optionsNode is YamlScalarNode optionsScalar && ConfigValueYaml.FromScalar(optionsScalar).Kind == ConfigValueKind.Null))
            {
                problems.Add(new ValidationProblem { Key = "runtime.options", Rule = $"must be a map; {RuntimeRule}" });
                valid = false;
            }
        }

        return valid && runtimeName is not null ? new ProjectRuntime { Name = runtimeName, Options = options } : null;
    }

    private static string? ReadString(
        IReadOnlyDictionary<string, YamlNode> fields,
        string key,
        List<ValidationProblem> problems,
        string? problemKey = null)
    {
        if (!fields.TryGetValue(key, out var node))
        {
            return null;
        }

        if (node is YamlScalarNode scalar)
        {
            return ConfigValueYaml.FromScalar(scalar).Kind == ConfigValueKind.Null ? null : scalar.Value;
        }

        problems.Add(new ValidationProblem { Key = problemKey ?? key, Rule = "must be a string" });
        return null;
    }

    private static string? ReadBackend(IReadOnlyDictionary<string, YamlNode> fields, List<ValidationProblem> problems)
    {
        if (!fields.TryGetValue("backend", out var node))
        {
            return null;
        }

        if (node is YamlMappingNode mapping)
        {
            var backend = YamlDocuments.ToFieldMap(mapping);
            if (!backend.ContainsKey("url"))
            {
                return null;
            }

            return ReadString(backend, "url", problems, "backend.url");
        }

        problems.Add(new ValidationProblem { Key = "backend", Rule = "must be a map with a 'url' string" });
        return null;
    }

    private static bool ReadOptions(IReadOnlyDictionary<string, YamlNode> fields, List<ValidationProblem> problems)
    {
        if (!fields.TryGetValue("options", out var node))
        {
            return false;
        }

        if (node is not YamlMappingNode mapping)
        {
            problems.Add(new ValidationProblem { Key = "options", Rule = "must be a map" });
            return false;
        }

        var refreshAlways = false;
        foreach (var (key, value) in YamlDocuments.ToFieldMap(mapping))
        {
            if (key != "refresh")
            {
                problems.Add(new ValidationProblem { Key = $"options.{key}", Rule = "unknown option (the only allowed option is 'refresh')" });
                continue;
            }

            var text = (value as YamlScalarNode)?.Value;
            if (text == "always")
            {
                refreshAlways = true;
            }
            else
            {
                problems.Add(new ValidationProblem { Key = "options.refresh", Rule = "the only allowed value is 'always'", Value = text });
            }
        }

        return refreshAlways;
    }

    private static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = char.ToLower(a[i - 1], CultureInfo.InvariantCulture) == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
