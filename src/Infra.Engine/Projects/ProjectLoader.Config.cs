using YamlDotNet.RepresentationModel;

namespace Infra.Engine.Projects;

/// <content>The project-level <c>config</c> block.</content>
internal static partial class ProjectLoader
{
    private static readonly string[] DeclarationAttributes = ["type", "items", "description", "secret", "default", "value"];

    private static void ReadConfig(
        YamlMappingNode mapping,
        string projectName,
        List<ProjectConfigDeclaration> declarations,
        List<ValidationProblem> problems)
    {
        var seen = new HashSet<ConfigKey>();
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } rawKey })
            {
                problems.Add(new ValidationProblem { Key = "config", Rule = "config keys must be strings" });
                continue;
            }

            var path = $"config.{rawKey}";
            if (!ConfigKey.TryParse(rawKey, projectName, out var key, out var keyError))
            {
                problems.Add(new ValidationProblem { Key = path, Rule = keyError, Value = rawKey });
                continue;
            }

            if (!seen.Add(key))
            {
                problems.Add(new ValidationProblem { Key = path, Rule = $"declares '{key}' a second time" });
                continue;
            }

            var isProjectKey = key.Namespace == projectName;
            if (valueNode is not YamlMappingNode declaration)
            {
                var shortValue = ConfigValueYaml.FromNode(valueNode, path, problems);
                declarations.Add(isProjectKey
                    ? new ProjectConfigDeclaration { Key = key, Default = shortValue }
                    : new ProjectConfigDeclaration { Key = key, Value = shortValue });
                continue;
            }

            if (ReadDeclaration(key, path, isProjectKey, declaration, problems) is { } result)
            {
                declarations.Add(result);
            }
        }
    }

    private static ProjectConfigDeclaration? ReadDeclaration(
        ConfigKey key,
        string path,
        bool isProjectKey,
        YamlMappingNode declaration,
        List<ValidationProblem> problems)
    {
        var before = problems.Count;
        var attributes = YamlDocuments.ToFieldMap(declaration);
        foreach (var attribute in attributes.Keys.Where(attribute => !DeclarationAttributes.Contains(attribute)))
        {
            problems.Add(new ValidationProblem
            {
                Key = $"{path}.{attribute}",
                Rule = $"unknown attribute (allowed: {string.Join(", ", DeclarationAttributes)})",
            });
        }

        var secret = false;
        if (attributes.TryGetValue("secret", out var secretNode))
        {
            var secretValue = secretNode is YamlScalarNode secretScalar ? ConfigValueYaml.FromScalar(secretScalar) : null;
            if (secretValue?.Kind == ConfigValueKind.Boolean)
            {
                secret = YamlScalars.IsTrue(secretValue.ScalarText);
            }
            else
            {
                problems.Add(new ValidationProblem { Key = $"{path}.secret", Rule = "must be true or false", Value = secretValue?.ToString() });
            }
        }

        var description = ReadString(attributes, "description", problems, $"{path}.description");
        var defaultValue = attributes.TryGetValue("default", out var defaultNode) ? ConfigValueYaml.FromNode(defaultNode, $"{path}.default", problems) : null;
        var value = attributes.TryGetValue("value", out var valueNode) ? ConfigValueYaml.FromNode(valueNode, $"{path}.value", problems) : null;
        var type = attributes.ContainsKey("type") || attributes.ContainsKey("items") ? ReadType(declaration, path, problems) : null;

        if (!isProjectKey)
        {
            if (defaultValue is not null)
            {
                problems.Add(new ValidationProblem
                {
                    Key = $"{path}.default",
                    Rule = $"Configuration key '{key}' is not namespaced by the project and should not define a default value. "
                        + "Did you mean to use the 'value' attribute instead of 'default'?",
                });
            }

            if (type is not null || attributes.ContainsKey("type"))
            {
                problems.Add(new ValidationProblem
                {
                    Key = $"{path}.type",
                    Rule = $"Configuration key '{key}' is not namespaced by the project and should not define a type",
                });
            }
        }

        if (defaultValue is not null && value is not null)
        {
            problems.Add(new ValidationProblem { Key = path, Rule = "may not define both 'default' and 'value'" });
        }

        if (type is not null)
        {
            CheckDeclaredValue(type, defaultValue, secret, $"{path}.default", problems);
            CheckDeclaredValue(type, value, secret, $"{path}.value", problems);
        }

        if (problems.Count > before)
        {
            return null;
        }

        return new ProjectConfigDeclaration
        {
            Key = key,
            Type = type,
            Description = description,
            Secret = secret,
            Default = defaultValue,
            Value = value,
        };
    }

    private static void CheckDeclaredValue(ProjectConfigType type, ConfigValue? value, bool secret, string path, List<ValidationProblem> problems)
    {
        if (value is null || type.Accepts(value))
        {
            return;
        }

        var rule = $"must be of type '{type}'";
        problems.Add(secret || value.ContainsSecret
            ? ValidationProblem.ForSecret(path, rule)
            : new ValidationProblem { Key = path, Rule = rule, Value = value.ToString() });
    }

    private static ProjectConfigType? ReadType(YamlMappingNode declaration, string path, List<ValidationProblem> problems)
    {
        var attributes = YamlDocuments.ToFieldMap(declaration);
        if (!attributes.TryGetValue("type", out var typeNode))
        {
            problems.Add(new ValidationProblem { Key = $"{path}.type", Rule = "is required when 'items' is given" });
            return null;
        }

        var typeText = (typeNode as YamlScalarNode)?.Value;
        if (!ProjectConfigType.TryParseKind(typeText, out var kind))
        {
            problems.Add(new ValidationProblem
            {
                Key = $"{path}.type",
                Rule = "must be one of string, integer, boolean, array, object",
                Value = typeText,
            });
            return null;
        }

        ProjectConfigType? items = null;
        var hasItems = attributes.TryGetValue("items", out var itemsNode);
        if (kind == ProjectConfigTypeKind.Array)
        {
            if (!hasItems)
            {
                problems.Add(new ValidationProblem { Key = $"{path}.items", Rule = "is required when type is 'array'" });
                return null;
            }

            if (itemsNode is not YamlMappingNode itemsMapping)
            {
                problems.Add(new ValidationProblem { Key = $"{path}.items", Rule = "must be a map with a 'type' attribute" });
                return null;
            }

            foreach (var attribute in YamlDocuments.ToFieldMap(itemsMapping).Keys.Where(attribute => attribute is not ("type" or "items")))
            {
                problems.Add(new ValidationProblem { Key = $"{path}.items.{attribute}", Rule = "unknown attribute (allowed: type, items)" });
            }

            items = ReadType(itemsMapping, $"{path}.items", problems);
            if (items is null)
            {
                return null;
            }
        }
        else if (hasItems)
        {
            problems.Add(new ValidationProblem { Key = $"{path}.items", Rule = "is only allowed when type is 'array'" });
            return null;
        }

        return new ProjectConfigType { Kind = kind, Items = items };
    }
}
