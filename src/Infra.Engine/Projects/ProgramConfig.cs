using Infra.Engine.Secrets;

namespace Infra.Engine.Projects;

/// <summary>
/// The config a program receives: a map from full key to string (secrets decrypted, scalars as
/// text, objects and arrays as compact JSON with sorted keys and secret leaves inlined) and the
/// sorted list of secret keys. Built from the stack file merged with the project-level declarations.
/// <see cref="ToString"/> shows counts only.
/// </summary>
internal sealed class ProgramConfig
{
    /// <summary>Name of the variable that carries <see cref="ToConfigJson"/>.</summary>
    public const string ConfigVariable = "PULUMI_CONFIG";

    /// <summary>Name of the variable that carries <see cref="ToSecretKeysJson"/>.</summary>
    public const string SecretKeysVariable = "PULUMI_CONFIG_SECRET_KEYS";

    private ProgramConfig(SortedDictionary<string, string> values, IReadOnlyList<string> secretKeys)
    {
        Values = values;
        SecretKeys = secretKeys;
    }

    /// <summary>Full key → value text, ordered by key.</summary>
    public IReadOnlyDictionary<string, string> Values { get; }

    /// <summary>The keys whose values are secret, sorted ordinally.</summary>
    public IReadOnlyList<string> SecretKeys { get; }

    /// <summary>
    /// Merges and checks the stack's config against the project's declarations and decrypts it.
    /// Declared keys missing from the stack get their <c>default</c>/<c>value</c>; project keys with
    /// neither are required. Declared types and <c>secret: true</c> are enforced unless
    /// <paramref name="skipValidation"/> is set (the defaults are merged either way).
    /// </summary>
    /// <param name="project">The project (declarations and namespace).</param>
    /// <param name="stackName">The stack name, for messages.</param>
    /// <param name="stack">The stack settings.</param>
    /// <param name="crypter">The stack's crypter; required when any value is encrypted.</param>
    /// <param name="skipValidation">Skip the required/type/secret checks (<c>--skip-config-validation</c>).</param>
    /// <exception cref="ProjectValidationException">Values are missing, of the wrong type, or not encrypted although declared secret.</exception>
    /// <exception cref="SecretsException">A value cannot be decrypted.</exception>
    /// <exception cref="InvalidOperationException">A value is encrypted but no crypter was given.</exception>
    public static ProgramConfig Build(
        ProjectFile project,
        string stackName,
        StackSettingsFile stack,
        ISecretsCrypter? crypter,
        bool skipValidation = false)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(stackName);
        ArgumentNullException.ThrowIfNull(stack);

        var encryptedKeys = stack.Config.Where(entry => entry.Value.ContainsSecret).Select(entry => entry.Key.FullKey).ToList();
        if (encryptedKeys.Count > 0 && crypter is null)
        {
            throw new InvalidOperationException(
                $"Stack '{stackName}' has encrypted configuration ({string.Join(", ", encryptedKeys)}) but no secrets provider is open");
        }

        var merged = new Dictionary<ConfigKey, (ConfigValue Value, bool Secret)>();
        foreach (var (key, value) in stack.Config)
        {
            merged[key] = (value, value.ContainsSecret);
        }

        var problems = new List<ValidationProblem>();
        foreach (var declaration in project.Config)
        {
            if (merged.TryGetValue(declaration.Key, out var entry))
            {
                if (!skipValidation)
                {
                    Check(declaration, entry.Value, crypter, stackName, problems);
                }

                continue;
            }

            if (declaration.EffectiveDefault is { } fallback)
            {
                merged[declaration.Key] = (fallback, declaration.Secret || fallback.ContainsSecret);
            }
            else if (declaration.Key.Namespace == project.Name && !skipValidation)
            {
                problems.Add(new ValidationProblem
                {
                    Key = declaration.Key.FullKey,
                    Rule = $"Stack '{stackName}' is missing configuration value '{declaration.Key}' "
                        + "(it is declared in the project without a default)",
                });
            }
        }

        if (problems.Count > 0)
        {
            throw new ProjectValidationException($"Stack '{stackName}' has invalid configuration", problems);
        }

        var values = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var secretKeys = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (key, (value, secret)) in merged)
        {
            values[key.FullKey] = StackConfigEditor.RevealText(value, ciphertext => StackConfigEditor.DecryptForKey(crypter!, key, ciphertext));
            if (secret)
            {
                secretKeys.Add(key.FullKey);
            }
        }

        return new ProgramConfig(values, [.. secretKeys]);
    }

    /// <summary>The <c>PULUMI_CONFIG</c> value: a JSON object of strings with sorted keys.</summary>
    public string ToConfigJson() => ConfigJson.FormatStringMap(Values);

    /// <summary>The <c>PULUMI_CONFIG_SECRET_KEYS</c> value: a JSON array of strings (<c>[]</c> when none).</summary>
    public string ToSecretKeysJson() => ConfigJson.FormatStringArray(SecretKeys);

    /// <summary>
    /// The two variables for the program's environment. <c>PULUMI_CONFIG</c> is left out when there is
    /// no config, as the language host does; <c>PULUMI_CONFIG_SECRET_KEYS</c> is always present.
    /// </summary>
    public IReadOnlyDictionary<string, string> ToEnvironmentVariables()
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [SecretKeysVariable] = ToSecretKeysJson(),
        };
        if (Values.Count > 0)
        {
            variables[ConfigVariable] = ToConfigJson();
        }

        return variables;
    }

    /// <inheritdoc />
    public override string ToString() => $"program config ({Values.Count} keys, {SecretKeys.Count} secret)";

    private static void Check(
        ProjectConfigDeclaration declaration,
        ConfigValue value,
        ISecretsCrypter? crypter,
        string stackName,
        List<ValidationProblem> problems)
    {
        var key = declaration.Key;
        var isSecret = declaration.Secret || value.ContainsSecret;
        if (declaration.Secret && !value.ContainsSecret)
        {
            problems.Add(new ValidationProblem
            {
                Key = key.FullKey,
                Rule = $"Stack '{stackName}' with configuration key '{key}' must be encrypted as it's secret "
                    + "(set it with `config set --secret`)",
            });
        }

        if (declaration.Type is not { } type)
        {
            return;
        }

        var revealed = Reveal(value, ciphertext => StackConfigEditor.DecryptForKey(crypter!, key, ciphertext));
        if (type.Accepts(revealed))
        {
            return;
        }

        var rule = $"Stack '{stackName}' with configuration key '{key}' must be of type '{type}'";
        problems.Add(isSecret
            ? ValidationProblem.ForSecret(key.FullKey, rule)
            : new ValidationProblem { Key = key.FullKey, Rule = rule, Value = value.ToString() });
    }

    private static ConfigValue Reveal(ConfigValue value, Func<string, string> decrypt) => value.Kind switch
    {
        ConfigValueKind.Secure => ConfigValue.String(decrypt(value.Ciphertext)),
        ConfigValueKind.Object => ConfigValue.Object(value.Members.Select(member =>
            new KeyValuePair<string, ConfigValue>(member.Key, Reveal(member.Value, decrypt)))),
        ConfigValueKind.Array => ConfigValue.Array(value.Items.Select(item => Reveal(item, decrypt))),
        _ => value,
    };
}
