using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Infra.Engine.Projects;

/// <content>Reading and writing the YAML text.</content>
internal sealed partial class StackSettingsFile
{
    /// <summary>Parses stack settings text; every problem is reported at once.</summary>
    /// <param name="text">The YAML text (an empty text is an empty file).</param>
    /// <param name="filePath">Used in messages only.</param>
    /// <exception cref="ProjectValidationException">The text is invalid.</exception>
    public static StackSettingsFile Parse(string text, string? filePath = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var headline = $"Stack settings file '{filePath ?? "<text>"}' is invalid";
        var problems = new List<ValidationProblem>();
        var root = YamlDocuments.LoadRootMapping(text, "stack settings file", problems);
        if (root is null)
        {
            throw new ProjectValidationException(headline, problems);
        }

        var file = new StackSettingsFile();
        foreach (var (keyNode, valueNode) in root.Children)
        {
            var field = (keyNode as YamlScalarNode)?.Value;
            switch (field)
            {
                case "secretsprovider":
                    file.SecretsProvider = ReadString(valueNode, field, problems);
                    break;
                case "encryptedkey":
                    file.EncryptedKey = ReadString(valueNode, field, problems);
                    break;
                case "encryptionsalt":
                    file.EncryptionSalt = ReadString(valueNode, field, problems);
                    break;
                case "config":
                    file.ReadConfig(valueNode, problems);
                    break;
                case "environment":
                    file._environment = valueNode;
                    break;
                case null:
                    problems.Add(new ValidationProblem { Key = "(root)", Rule = "top-level keys must be strings" });
                    break;
                default:
                    file._extraFields.Add(new(field, valueNode));
                    break;
            }
        }

        if (problems.Count > 0)
        {
            throw new ProjectValidationException(headline, problems);
        }

        return file;
    }

    /// <summary>The file as YAML text, in the CLI's field order, two-space indented.</summary>
    public string ToYaml()
    {
        using var writer = new StringWriter();
        var emitter = new Emitter(writer, 2);
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart());
        emitter.Emit(new MappingStart(AnchorName.Empty, TagName.Empty, true, MappingStyle.Block));
        WriteField(emitter, "secretsprovider", SecretsProvider);
        WriteField(emitter, "encryptedkey", EncryptedKey);
        WriteField(emitter, "encryptionsalt", EncryptionSalt);
        if (_config.Count > 0)
        {
            ConfigValueYaml.WriteString(emitter, "config");
            emitter.Emit(new MappingStart(AnchorName.Empty, TagName.Empty, true, MappingStyle.Block));
            foreach (var (key, value) in _config)
            {
                ConfigValueYaml.WriteString(emitter, key.FullKey);
                ConfigValueYaml.Write(emitter, value);
            }

            emitter.Emit(new MappingEnd());
        }

        if (_environment is not null)
        {
            ConfigValueYaml.WriteString(emitter, "environment");
            ConfigValueYaml.WriteNode(emitter, _environment);
        }

        foreach (var (name, node) in _extraFields)
        {
            ConfigValueYaml.WriteString(emitter, name);
            ConfigValueYaml.WriteNode(emitter, node);
        }

        emitter.Emit(new MappingEnd());
        emitter.Emit(new DocumentEnd(true));
        emitter.Emit(new StreamEnd());
        var text = writer.ToString();
        return text.Trim() == "{}" ? string.Empty : text;
    }

    private static string? ReadString(YamlNode node, string field, List<ValidationProblem> problems)
    {
        if (node is YamlScalarNode scalar)
        {
            return ConfigValueYaml.FromScalar(scalar).Kind == ConfigValueKind.Null ? null : scalar.Value;
        }

        problems.Add(new ValidationProblem { Key = field, Rule = "must be a string" });
        return null;
    }

    private static void WriteField(IEmitter emitter, string name, string? value)
    {
        if (value is null)
        {
            return;
        }

        ConfigValueYaml.WriteString(emitter, name);
        ConfigValueYaml.WriteString(emitter, value);
    }

    private void ReadConfig(YamlNode node, List<ValidationProblem> problems)
    {
        if (node is YamlScalarNode scalar && ConfigValueYaml.FromScalar(scalar).Kind == ConfigValueKind.Null)
        {
            return;
        }

        if (node is not YamlMappingNode mapping)
        {
            problems.Add(new ValidationProblem { Key = "config", Rule = "must be a map of `<namespace>:<name>` keys to values" });
            return;
        }

        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } rawKey })
            {
                problems.Add(new ValidationProblem { Key = "config", Rule = "config keys must be strings" });
                continue;
            }

            var path = $"config.{rawKey}";
            if (!ConfigKey.TryParse(rawKey, null, out var key, out var error))
            {
                problems.Add(new ValidationProblem { Key = path, Rule = error, Value = rawKey });
                continue;
            }

            if (IndexOf(key) >= 0)
            {
                problems.Add(new ValidationProblem { Key = path, Rule = $"sets '{key}' a second time" });
                continue;
            }

            _config.Add(new(key, ConfigValueYaml.FromNode(valueNode, path, problems)));
        }
    }
}
