using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Infra.Engine.Projects;

/// <summary>
/// Converts between YamlDotNet nodes and <see cref="ConfigValue"/>, and writes values and preserved
/// nodes back as YAML events. A map whose only key is <c>secure</c> with a string value is an
/// encrypted value, at any depth.
/// </summary>
internal static class ConfigValueYaml
{
    /// <summary>The reserved key of an encrypted value.</summary>
    public const string SecureKey = "secure";

    /// <summary>
    /// Converts a node. Problems (non-scalar map keys, duplicate names) are added to
    /// <paramref name="problems"/> under <paramref name="path"/>; the result is then best effort.
    /// </summary>
    public static ConfigValue FromNode(YamlNode node, string path, ICollection<ValidationProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(node);
        switch (node)
        {
            case YamlScalarNode scalar:
                return FromScalar(scalar);
            case YamlSequenceNode sequence:
                return ConfigValue.Array(sequence.Children.Select((child, index) =>
                    FromNode(child, $"{path}[{index.ToString(CultureInfo.InvariantCulture)}]", problems)));
            case YamlMappingNode mapping:
                if (mapping.Children.Count == 1
                    && mapping.Children.First() is { Key: YamlScalarNode { Value: SecureKey }, Value: YamlScalarNode secure }
                    && FromScalar(secure).Kind == ConfigValueKind.String)
                {
                    return ConfigValue.Secure(secure.Value ?? string.Empty);
                }

                var members = new List<KeyValuePair<string, ConfigValue>>();
                foreach (var (key, value) in mapping.Children)
                {
                    if (key is not YamlScalarNode { Value: { } name })
                    {
                        problems.Add(new ValidationProblem { Key = path, Rule = "map keys must be scalars" });
                        continue;
                    }

                    members.Add(new(name, FromNode(value, $"{path}.{name}", problems)));
                }

                return ConfigValue.Object(members);
            default:
                problems.Add(new ValidationProblem { Key = path, Rule = $"unsupported YAML node {node.NodeType}" });
                return ConfigValue.Null;
        }
    }

    /// <summary>The typed value of a scalar node: quoted and explicitly tagged strings stay strings.</summary>
    public static ConfigValue FromScalar(YamlScalarNode scalar)
    {
        ArgumentNullException.ThrowIfNull(scalar);
        var text = scalar.Value ?? string.Empty;
        if (!scalar.Tag.IsEmpty && !scalar.Tag.IsNonSpecific)
        {
            var tag = scalar.Tag.Value;
            var kind = tag.EndsWith(":str", StringComparison.Ordinal) ? ConfigValueKind.String
                : tag.EndsWith(":int", StringComparison.Ordinal) ? ConfigValueKind.Integer
                : tag.EndsWith(":float", StringComparison.Ordinal) ? ConfigValueKind.Float
                : tag.EndsWith(":bool", StringComparison.Ordinal) ? ConfigValueKind.Boolean
                : tag.EndsWith(":null", StringComparison.Ordinal) ? ConfigValueKind.Null
                : ConfigValueKind.String;
            if (kind == ConfigValueKind.String || YamlScalars.Resolve(text) == kind)
            {
                return ConfigValue.Scalar(kind, text);
            }
        }

        if (scalar.Style != ScalarStyle.Plain && scalar.Style != ScalarStyle.Any)
        {
            return ConfigValue.String(text);
        }

        return ConfigValue.Scalar(YamlScalars.Resolve(text), text);
    }

    /// <summary>Writes a value as YAML events (block style; empty containers as <c>{}</c>/<c>[]</c>).</summary>
    public static void Write(IEmitter emitter, ConfigValue value)
    {
        ArgumentNullException.ThrowIfNull(emitter);
        ArgumentNullException.ThrowIfNull(value);
        switch (value.Kind)
        {
            case ConfigValueKind.Null:
                emitter.Emit(PlainScalar("null"));
                break;
            case ConfigValueKind.String:
                WriteString(emitter, value.ScalarText);
                break;
            case ConfigValueKind.Boolean or ConfigValueKind.Integer or ConfigValueKind.Float:
                emitter.Emit(PlainScalar(value.ScalarText));
                break;
            case ConfigValueKind.Secure:
                emitter.Emit(new MappingStart(AnchorName.Empty, TagName.Empty, true, MappingStyle.Block));
                emitter.Emit(PlainScalar(SecureKey));
                WriteString(emitter, value.Ciphertext);
                emitter.Emit(new MappingEnd());
                break;
            case ConfigValueKind.Object:
                var mappingStyle = value.Members.Count == 0 ? MappingStyle.Flow : MappingStyle.Block;
                emitter.Emit(new MappingStart(AnchorName.Empty, TagName.Empty, true, mappingStyle));
                foreach (var member in value.Members)
                {
                    WriteString(emitter, member.Key);
                    Write(emitter, member.Value);
                }

                emitter.Emit(new MappingEnd());
                break;
            case ConfigValueKind.Array:
                var sequenceStyle = value.Items.Count == 0 ? SequenceStyle.Flow : SequenceStyle.Block;
                emitter.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, true, sequenceStyle));
                foreach (var item in value.Items)
                {
                    Write(emitter, item);
                }

                emitter.Emit(new SequenceEnd());
                break;
            default:
                throw new InvalidOperationException($"Unknown config value kind {value.Kind}.");
        }
    }

    /// <summary>Writes a string scalar, quoted when it would otherwise read back as another type.</summary>
    public static void WriteString(IEmitter emitter, string text)
    {
        ArgumentNullException.ThrowIfNull(emitter);
        ArgumentNullException.ThrowIfNull(text);
        var style = YamlScalars.NeedsQuotes(text) ? ScalarStyle.DoubleQuoted
            : text.Contains('\n', StringComparison.Ordinal) ? ScalarStyle.Literal
            : ScalarStyle.Any;
        emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, text, style, true, true));
    }

    /// <summary>Writes a preserved node unchanged in content (anchors are expanded).</summary>
    public static void WriteNode(IEmitter emitter, YamlNode node)
    {
        ArgumentNullException.ThrowIfNull(emitter);
        ArgumentNullException.ThrowIfNull(node);
        var tag = node.Tag.IsEmpty || node.Tag.IsNonSpecific ? TagName.Empty : node.Tag;
        var implicitTag = tag.IsEmpty;
        switch (node)
        {
            case YamlScalarNode scalar:
                emitter.Emit(new Scalar(AnchorName.Empty, tag, scalar.Value ?? string.Empty, scalar.Style, implicitTag, implicitTag));
                break;
            case YamlSequenceNode sequence:
                emitter.Emit(new SequenceStart(AnchorName.Empty, tag, implicitTag, sequence.Style));
                foreach (var child in sequence.Children)
                {
                    WriteNode(emitter, child);
                }

                emitter.Emit(new SequenceEnd());
                break;
            case YamlMappingNode mapping:
                emitter.Emit(new MappingStart(AnchorName.Empty, tag, implicitTag, mapping.Style));
                foreach (var (key, value) in mapping.Children)
                {
                    WriteNode(emitter, key);
                    WriteNode(emitter, value);
                }

                emitter.Emit(new MappingEnd());
                break;
            default:
                throw new InvalidOperationException($"Cannot write YAML node {node.NodeType}.");
        }
    }

    private static Scalar PlainScalar(string text) =>
        new(AnchorName.Empty, TagName.Empty, text, ScalarStyle.Plain, true, true);
}
