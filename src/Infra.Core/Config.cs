using System.Globalization;
using System.Text.Json;

namespace Infra;

/// <summary>
/// Typed access to the stack's configuration in one namespace (by default the project's):
/// <c>new Config().Require("domain")</c> reads <c>&lt;project&gt;:domain</c>. Secret values are handed out as
/// secret outputs; reading a secret key with a plain getter logs a warning.
/// </summary>
public sealed class Config
{
    /// <summary>Configuration of the project namespace.</summary>
    public Config()
        : this(Deployment.Current.ProjectName)
    {
    }

    /// <summary>Configuration of the given namespace, e.g. <c>kubernetes</c>.</summary>
    /// <param name="name">The namespace.</param>
    public Config(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name.EndsWith(":config", StringComparison.Ordinal) ? name[..^":config".Length] : name;
    }

    /// <summary>The namespace.</summary>
    public string Name { get; }

    /// <summary>Gets a value, or null when not set.</summary>
    /// <param name="key">The key within the namespace.</param>
    public string? Get(string key) => GetPlain(key, out _);

    /// <summary>Gets a value or fails with a message telling how to set it.</summary>
    /// <param name="key">The key within the namespace.</param>
    public string Require(string key) => Get(key) ?? throw ConfigMissingException.For(FullKey(key), secret: false);

    /// <summary>Gets a value as a secret output, or null when not set.</summary>
    /// <param name="key">The key within the namespace.</param>
    public Output<string>? GetSecret(string key) => Raw(key) is { } value ? Output.CreateSecret(value) : null;

    /// <summary>Gets a value as a secret output or fails with a message telling how to set it.</summary>
    /// <param name="key">The key within the namespace.</param>
    public Output<string> RequireSecret(string key) => GetSecret(key) ?? throw ConfigMissingException.For(FullKey(key), secret: true);

    /// <summary>Gets a bool (<c>true</c>/<c>false</c>), or null when not set.</summary>
    /// <param name="key">The key within the namespace.</param>
    public bool? GetBoolean(string key) => Parse(key, "a bool (true or false)", ParseBool);

    /// <summary>Gets a bool or fails.</summary>
    /// <param name="key">The key within the namespace.</param>
    public bool RequireBoolean(string key) => GetBoolean(key) ?? throw ConfigMissingException.For(FullKey(key), secret: false);

    /// <summary>Gets a 32-bit integer, or null when not set.</summary>
    /// <param name="key">The key within the namespace.</param>
    public int? GetInt32(string key) => Parse(key, "a 32-bit integer", text => int.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture));

    /// <summary>Gets a 32-bit integer or fails.</summary>
    /// <param name="key">The key within the namespace.</param>
    public int RequireInt32(string key) => GetInt32(key) ?? throw ConfigMissingException.For(FullKey(key), secret: false);

    /// <summary>Gets a number, or null when not set.</summary>
    /// <param name="key">The key within the namespace.</param>
    public double? GetDouble(string key) => Parse(key, "a number", text => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture));

    /// <summary>Gets a number or fails.</summary>
    /// <param name="key">The key within the namespace.</param>
    public double RequireDouble(string key) => GetDouble(key) ?? throw ConfigMissingException.For(FullKey(key), secret: false);

    /// <summary>Gets a structured value (set with <c>--path</c> or as YAML object/array) parsed from JSON, or default.</summary>
    /// <typeparam name="T">The target type (System.Text.Json, camelCase names accepted).</typeparam>
    /// <param name="key">The key within the namespace.</param>
    public T? GetObject<T>(string key)
    {
        var text = GetPlain(key, out var secret);
        return text is null ? default : ParseObject<T>(key, text, secret);
    }

    /// <summary>Gets a structured value or fails.</summary>
    /// <typeparam name="T">The target type.</typeparam>
    /// <param name="key">The key within the namespace.</param>
    public T RequireObject<T>(string key) => GetObject<T>(key) ?? throw ConfigMissingException.For(FullKey(key), secret: false);

    /// <summary>Gets a structured value as a secret output, or null when not set.</summary>
    /// <typeparam name="T">The target type.</typeparam>
    /// <param name="key">The key within the namespace.</param>
    public Output<T>? GetSecretObject<T>(string key) => Raw(key) is { } text ? Output.CreateSecret(ParseObject<T>(key, text, secret: true)) : null;

    /// <summary>Gets a structured value as a secret output or fails.</summary>
    /// <typeparam name="T">The target type.</typeparam>
    /// <param name="key">The key within the namespace.</param>
    public Output<T> RequireSecretObject<T>(string key) =>
        GetSecretObject<T>(key) ?? throw ConfigMissingException.For(FullKey(key), secret: true);

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private static bool ParseBool(string text) => text switch
    {
        "true" or "True" or "TRUE" => true,
        "false" or "False" or "FALSE" => false,
        _ => throw new FormatException(),
    };

    private string FullKey(string key)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        if (key.Contains(':', StringComparison.Ordinal))
        {
            throw new ArgumentException($"Config key '{key}' must not contain ':'; the namespace is '{Name}' (use new Config(\"<namespace>\") for another).", nameof(key));
        }

        return $"{Name}:{key}";
    }

    private string? Raw(string key) => Deployment.Current.Config.TryGet(FullKey(key), out var value) ? value : null;

    private string? GetPlain(string key, out bool secret)
    {
        var fullKey = FullKey(key);
        var deployment = Deployment.Current;
        secret = deployment.Config.IsSecret(fullKey);
        if (!deployment.Config.TryGet(fullKey, out var value))
        {
            return null;
        }

        if (secret)
        {
            Log.Warn($"Configuration '{fullKey}' is a secret but was read as a plain value; use GetSecret/RequireSecret so it stays secret.");
        }

        return value;
    }

    private T? Parse<T>(string key, string expected, Func<string, T> parse)
        where T : struct
    {
        var text = GetPlain(key, out var secret);
        if (text is null)
        {
            return null;
        }

        try
        {
            return parse(text.Trim());
        }
        catch (Exception e) when (e is FormatException or OverflowException)
        {
            throw ConfigTypeException.For(FullKey(key), expected, text, secret);
        }
    }

    private T ParseObject<T>(string key, string text, bool secret)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(text, JsonOptions)
                ?? throw ConfigTypeException.For(FullKey(key), $"a JSON {typeof(T).Name}", text, secret);
        }
        catch (JsonException e)
        {
            throw ConfigTypeException.For(FullKey(key), $"a JSON {typeof(T).Name} ({(secret ? "invalid JSON" : e.Message)})", text, secret);
        }
    }
}
