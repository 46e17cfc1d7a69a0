using System.Globalization;
using System.Text.RegularExpressions;
using Infra.Engine.Secrets;

namespace Infra.Engine.Projects;

/// <summary>
/// The operations of <c>pulumi config set/get/rm</c> on a <see cref="StackSettingsFile"/>: keys without a
/// namespace get the project's, <c>--secret</c> values are encrypted with the stack's crypter, and
/// <c>--path</c> keys address members and items inside structured values. The caller saves the file.
/// </summary>
internal sealed partial class StackConfigEditor
{
    private readonly StackSettingsFile _stack;
    private readonly string _projectName;
    private readonly ISecretsCrypter? _crypter;

    /// <param name="stack">The stack settings to edit.</param>
    /// <param name="projectName">The project name: the namespace of bare keys.</param>
    /// <param name="crypter">The stack's crypter; needed only to set or read secrets.</param>
    public StackConfigEditor(StackSettingsFile stack, string projectName, ISecretsCrypter? crypter)
    {
        ArgumentNullException.ThrowIfNull(stack);
        ArgumentException.ThrowIfNullOrEmpty(projectName);
        _stack = stack;
        _projectName = projectName;
        _crypter = crypter;
    }

    /// <summary>
    /// <c>config set [--secret] [--path] key value</c>: stores <paramref name="value"/> as a string, or
    /// encrypted. With <paramref name="path"/>, nested leaves <c>true</c>/<c>false</c> become booleans and
    /// base-10 integers without a leading zero become numbers; a top-level value is always a string.
    /// </summary>
    /// <returns>The full key that was written.</returns>
    /// <exception cref="FormatException">The key or path is malformed.</exception>
    /// <exception cref="InvalidOperationException">The path conflicts with the stored value, or a secret is set without a crypter.</exception>
    public ConfigKey Set(string key, string value, bool secret = false, bool path = false)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        var (configKey, segments) = Resolve(key, path);
        ConfigValue leaf;
        if (secret)
        {
            leaf = ConfigValue.Secure(RequireCrypter(configKey).Encrypt(value));
        }
        else if (segments.Count > 1)
        {
            leaf = CoerceNestedLeaf(value);
        }
        else
        {
            leaf = ConfigValue.String(value);
        }

        Store(configKey, segments, leaf, key);
        return configKey;
    }

    /// <summary>
    /// Stores an already typed value (<c>config set --type int|bool|float</c>, <c>set-all --json</c>).
    /// Secure leaves must already be encrypted.
    /// </summary>
    /// <returns>The full key that was written.</returns>
    public ConfigKey SetValue(string key, ConfigValue value, bool path = false)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        var (configKey, segments) = Resolve(key, path);
        Store(configKey, segments, value, key);
        return configKey;
    }

    /// <summary>
    /// <c>config get [--path] key</c>: the stored value, or null when absent. Secrets are decrypted only
    /// when <paramref name="decrypt"/> is true; otherwise <see cref="ConfigEntry.Text"/> is null for them.
    /// </summary>
    /// <exception cref="SecretsException">Decryption failed.</exception>
    public ConfigEntry? Get(string key, bool path = false, bool decrypt = false)
    {
        ArgumentNullException.ThrowIfNull(key);
        var (configKey, segments) = Resolve(key, path);
        var value = _stack.GetValue(configKey);
        for (var i = 1; i < segments.Count && value is not null; i++)
        {
            value = Child(value, segments[i]);
        }

        return value is null ? null : ToEntry(configKey, segments.Count > 1 ? key : null, value, decrypt);
    }

    /// <summary>All entries in file order (<c>pulumi config</c>), decrypted only when asked.</summary>
    public IReadOnlyList<ConfigEntry> List(bool decrypt = false) =>
        _stack.Config.Select(entry => ToEntry(entry.Key, null, entry.Value, decrypt)).ToList();

    /// <summary><c>config rm [--path] key</c>: returns false when nothing was there.</summary>
    /// <exception cref="FormatException">The key or path is malformed.</exception>
    public bool Remove(string key, bool path = false)
    {
        ArgumentNullException.ThrowIfNull(key);
        var (configKey, segments) = Resolve(key, path);
        if (segments.Count == 1)
        {
            return _stack.RemoveValue(configKey);
        }

        var root = _stack.GetValue(configKey);
        var updated = root is null ? null : RemoveIn(root, segments, 1);
        if (updated is null)
        {
            return false;
        }

        _stack.SetValue(configKey, updated);
        return true;
    }

    /// <summary>The text of a value with secure leaves decrypted: scalars as written, structured values as JSON.</summary>
    internal static string RevealText(ConfigValue value, Func<string, string> decrypt) => value.Kind switch
    {
        ConfigValueKind.Secure => decrypt(value.Ciphertext),
        ConfigValueKind.Object or ConfigValueKind.Array => ConfigJson.Format(value, decrypt),
        _ => value.ScalarText,
    };

    private static ConfigValue CoerceNestedLeaf(string value)
    {
        if (value is "true" or "false")
        {
            return ConfigValue.Boolean(value == "true");
        }

        if (NestedIntegerPattern().IsMatch(value) && long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            return ConfigValue.Integer(number);
        }

        return ConfigValue.String(value);
    }

    private static ConfigValue? Child(ConfigValue value, ConfigPathSegment segment)
    {
        if (segment.IsIndex)
        {
            return value.Kind == ConfigValueKind.Array && segment.Index < value.Items.Count ? value.Items[segment.Index] : null;
        }

        return value.Kind == ConfigValueKind.Object ? value.GetMember(segment.Name!) : null;
    }

    private static ConfigValue SetIn(ConfigValue? current, IReadOnlyList<ConfigPathSegment> segments, int index, ConfigValue leaf, string path)
    {
        var segment = segments[index];
        var replaceable = current is null || (index == 1 && !current.IsStructured);
        if (replaceable)
        {
            current = segment.IsIndex ? ConfigValue.Array([]) : ConfigValue.Object([]);
        }
        else if (segment.IsIndex && current!.Kind != ConfigValueKind.Array)
        {
            throw new InvalidOperationException($"config path '{path}': expected an array at '{segment}' (was {Describe(current)})");
        }
        else if (!segment.IsIndex && current!.Kind != ConfigValueKind.Object)
        {
            throw new InvalidOperationException($"config path '{path}': expected a map at '{segment}' (was {Describe(current)})");
        }

        var isLast = index == segments.Count - 1;
        if (segment.IsIndex)
        {
            if (segment.Index > current!.Items.Count)
            {
                throw new InvalidOperationException(
                    $"config path '{path}': array index out of range (was {segment.Index.ToString(CultureInfo.InvariantCulture)}, "
                    + $"the array has {current.Items.Count.ToString(CultureInfo.InvariantCulture)} item(s))");
            }

            var existing = segment.Index < current.Items.Count ? current.Items[segment.Index] : null;
            return current.WithItem(segment.Index, isLast ? leaf : SetIn(existing, segments, index + 1, leaf, path));
        }

        var name = segment.Name!;
        var child = isLast ? leaf : SetIn(current!.GetMember(name), segments, index + 1, leaf, path);
        var updated = current!.WithMember(name, child);
        if (updated.Members.Count == 1 && name == ConfigValueYaml.SecureKey && child.Kind == ConfigValueKind.String)
        {
            throw new InvalidOperationException(
                $"config path '{path}': the key '{ConfigValueYaml.SecureKey}' is reserved for encrypted values and cannot be the only key of a map set through a path");
        }

        return updated;
    }

    private static ConfigValue? RemoveIn(ConfigValue current, IReadOnlyList<ConfigPathSegment> segments, int index)
    {
        var segment = segments[index];
        var isLast = index == segments.Count - 1;
        var child = Child(current, segment);
        if (child is null)
        {
            return null;
        }

        if (isLast)
        {
            return segment.IsIndex ? current.WithoutItem(segment.Index) : current.WithoutMember(segment.Name!);
        }

        var updatedChild = RemoveIn(child, segments, index + 1);
        if (updatedChild is null)
        {
            return null;
        }

        return segment.IsIndex ? current.WithItem(segment.Index, updatedChild) : current.WithMember(segment.Name!, updatedChild);
    }

    private static string Describe(ConfigValue value) => value.Kind switch
    {
        ConfigValueKind.Secure => "a secret",
        ConfigValueKind.Object => "a map",
        ConfigValueKind.Array => "an array",
        ConfigValueKind.String => "a string",
        ConfigValueKind.Boolean => "a boolean",
        ConfigValueKind.Integer => "an integer",
        ConfigValueKind.Float => "a number",
        _ => "null",
    };

    [GeneratedRegex("^-?(?:0|[1-9][0-9]*)$", RegexOptions.CultureInvariant)]
    private static partial Regex NestedIntegerPattern();

    private (ConfigKey Key, IReadOnlyList<ConfigPathSegment> Segments) Resolve(string key, bool path)
    {
        if (!path)
        {
            return (ParseKey(key), [ConfigPathSegment.Member(key)]);
        }

        var segments = ConfigPropertyPath.Parse(key);
        return (ParseKey(segments[0].Name!), segments);
    }

    private ConfigKey ParseKey(string key) => ConfigKey.Parse(key, _projectName);

    private void Store(ConfigKey key, IReadOnlyList<ConfigPathSegment> segments, ConfigValue leaf, string path)
    {
        if (segments.Count == 1)
        {
            _stack.SetValue(key, leaf);
            return;
        }

        _stack.SetValue(key, SetIn(_stack.GetValue(key), segments, 1, leaf, path));
    }

    private ISecretsCrypter RequireCrypter(ConfigKey key) =>
        _crypter ?? throw new InvalidOperationException(
            $"{key}: cannot encrypt or decrypt a secret because no secrets provider is open for this stack");

    private ConfigEntry ToEntry(ConfigKey key, string? path, ConfigValue value, bool decrypt)
    {
        string? text = null;
        if (!value.ContainsSecret)
        {
            text = RevealText(value, _ => throw new InvalidOperationException("unreachable: no secret"));
        }
        else if (decrypt)
        {
            var crypter = RequireCrypter(key);
            text = RevealText(value, ciphertext => DecryptForKey(crypter, key, ciphertext));
        }

        return new ConfigEntry { Key = key, Path = path, Value = value, Text = text };
    }

    internal static string DecryptForKey(ISecretsCrypter crypter, ConfigKey key, string ciphertext)
    {
        try
        {
            return crypter.Decrypt(ciphertext);
        }
        catch (SecretsException exception)
        {
            throw new SecretsException(exception.Kind, $"config key '{key}': {exception.Message}", exception);
        }
    }
}
