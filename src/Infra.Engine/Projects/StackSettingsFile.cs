using Infra.Engine.Secrets;
using YamlDotNet.RepresentationModel;

namespace Infra.Engine.Projects;

/// <summary>
/// A stack settings file <c>Pulumi.&lt;stack&gt;.yaml</c>: secrets provider fields, the config map and
/// the ESC <c>environment</c>. Unknown top-level fields and <c>environment</c> are kept as read and
/// written back after the known fields, which are written in the CLI's order
/// (<c>secretsprovider</c>, <c>encryptedkey</c>, <c>encryptionsalt</c>, <c>config</c>, <c>environment</c>).
/// Config entries keep their order; new keys are appended. Comments are not preserved.
/// </summary>
internal sealed partial class StackSettingsFile
{
    private readonly List<KeyValuePair<ConfigKey, ConfigValue>> _config = [];
    private readonly List<KeyValuePair<string, YamlNode>> _extraFields = [];
    private YamlNode? _environment;

    /// <summary>The <c>secretsprovider</c> field (null when absent).</summary>
    public string? SecretsProvider { get; set; }

    /// <summary>The <c>encryptedkey</c> field of KMS providers (null when absent).</summary>
    public string? EncryptedKey { get; set; }

    /// <summary>The passphrase provider's <c>encryptionsalt</c> (null when absent).</summary>
    public string? EncryptionSalt { get; set; }

    /// <summary>The config entries in file order.</summary>
    public IReadOnlyList<KeyValuePair<ConfigKey, ConfigValue>> Config => _config;

    /// <summary>True when the file has an ESC <c>environment</c> section (kept, not interpreted).</summary>
    public bool HasEnvironment => _environment is not null;

    /// <summary>Names of preserved top-level fields this type does not interpret, in file order.</summary>
    public IReadOnlyList<string> ExtraFieldNames => _extraFields.Select(entry => entry.Key).ToList();

    /// <summary>
    /// True when the stack uses (or can start using) the passphrase provider: <c>secretsprovider</c>
    /// is absent, empty or <c>passphrase</c>, or an <c>encryptionsalt</c> is present.
    /// </summary>
    public bool UsesPassphraseProvider =>
        EncryptionSalt is not null || SecretsProvider is null or "" or "passphrase";

    /// <summary>Reads a stack settings file.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="ProjectValidationException">The file is invalid.</exception>
    public static async Task<StackSettingsFile> LoadAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var text = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        return Parse(text, path);
    }

    /// <summary>Reads a stack settings file, or returns an empty one when it does not exist (as the CLI does).</summary>
    /// <exception cref="ProjectValidationException">The file is invalid.</exception>
    public static Task<StackSettingsFile> LoadOrEmptyAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return File.Exists(path) ? LoadAsync(path, cancellationToken) : Task.FromResult(new StackSettingsFile());
    }

    /// <summary>Writes the file atomically (temporary file, then rename).</summary>
    public async Task SaveAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var fullPath = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(fullPath) ?? ".";
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(fullPath)}.{Guid.NewGuid():N}.tmp");
        try
        {
            await File.WriteAllTextAsync(temporary, ToYaml(), cancellationToken).ConfigureAwait(false);
            File.Move(temporary, fullPath, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    /// <summary>The value stored for <paramref name="key"/>, or null.</summary>
    public ConfigValue? GetValue(ConfigKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var index = IndexOf(key);
        return index < 0 ? null : _config[index].Value;
    }

    /// <summary>Replaces the value in place, or appends a new entry.</summary>
    public void SetValue(ConfigKey key, ConfigValue value)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        var index = IndexOf(key);
        if (index < 0)
        {
            _config.Add(new(key, value));
        }
        else
        {
            _config[index] = new(key, value);
        }
    }

    /// <summary>Removes an entry; returns false when it was absent.</summary>
    public bool RemoveValue(ConfigKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var index = IndexOf(key);
        if (index < 0)
        {
            return false;
        }

        _config.RemoveAt(index);
        return true;
    }

    /// <summary>
    /// Opens the passphrase crypter for this stack. When there is no <c>encryptionsalt</c> yet and
    /// <paramref name="createIfMissing"/> is true, a new one is created and stored here (and
    /// <c>secretsprovider: passphrase</c> is cleared, as the CLI does); save the file afterwards.
    /// </summary>
    /// <exception cref="SecretsException">The passphrase is wrong or the salt is malformed.</exception>
    /// <exception cref="InvalidOperationException">The stack uses another secrets provider, or has no salt and creation was not allowed.</exception>
    public PassphraseSecretsCrypter OpenPassphraseCrypter(string passphrase, bool createIfMissing = true)
    {
        ArgumentNullException.ThrowIfNull(passphrase);
        if (EncryptionSalt is not null)
        {
            return PassphraseSecretsCrypter.FromEncryptionSalt(passphrase, EncryptionSalt);
        }

        if (!UsesPassphraseProvider)
        {
            throw new InvalidOperationException(
                $"secretsprovider: this stack uses the '{SecretsProvider}' secrets provider; only the passphrase provider is supported");
        }

        if (!createIfMissing)
        {
            throw new InvalidOperationException("encryptionsalt: this stack has no passphrase secrets provider yet");
        }

        var crypter = PassphraseSecretsCrypter.CreateNew(passphrase);
        EncryptionSalt = crypter.EncryptionSalt;
        if (SecretsProvider == "passphrase")
        {
            SecretsProvider = null;
        }

        return crypter;
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"stack settings ({_config.Count} config entries{(EncryptionSalt is null ? string.Empty : ", passphrase secrets")})";

    private int IndexOf(ConfigKey key) => _config.FindIndex(entry => entry.Key == key);
}
