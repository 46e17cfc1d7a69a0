using Infra.Protocol.Values;
using Renci.SshNet.Common;

namespace Infra.Engine.Providers.Command;

/// <summary>The rules of a <c>connection</c> (and its <c>proxy</c>) object. Credentials are never shown.</summary>
internal static class ConnectionChecker
{
    private static readonly string[] Credentials = ["password", "privateKey", "privateKeyPassword"];

    /// <summary>
    /// Adds a failure for every broken rule of the connection at <paramref name="path"/>. A connection without key and
    /// password authenticates through an ssh-agent: its <c>agentSocketPath</c>, or SSH_AUTH_SOCK when
    /// <paramref name="environmentHasAgent"/>; with neither, that is a failure.
    /// </summary>
    public static void Check(PropertyValue connection, string path, bool allowProxy, bool environmentHasAgent, List<CheckFailure> failures)
    {
        var plain = CommandValues.Plain(connection);
        if (plain.Kind == PropertyValueKind.Unknown)
        {
            return;
        }

        if (plain.Kind != PropertyValueKind.Object)
        {
            failures.Add(new(path, $"must be an object with at least host and a credential (was {CommandValues.Describe(plain)})"));
            return;
        }

        var map = plain.ObjectValue;
        foreach (var credential in Credentials)
        {
            if (Value(map, credential) is { Kind: not (PropertyValueKind.String or PropertyValueKind.Unknown) })
            {
                failures.Add(new($"{path}.{credential}", "must be a string (the value is not shown)"));
            }
        }

        var host = Value(map, "host");
        if (host is null)
        {
            failures.Add(new($"{path}.host", "is required (was missing)"));
        }
        else if (host.Kind == PropertyValueKind.String && string.IsNullOrWhiteSpace(host.StringValue))
        {
            failures.Add(new($"{path}.host", $"must not be empty (was {CommandValues.Describe(host)})"));
        }
        else if (host.Kind is not (PropertyValueKind.String or PropertyValueKind.Unknown))
        {
            failures.Add(new($"{path}.host", $"must be a string (was {CommandValues.Describe(host)})"));
        }

        CheckInteger(map, path, "port", 1, 65535, "must be an integer between 1 and 65535", failures);
        CheckInteger(map, path, "perDialTimeout", 0, int.MaxValue, "must be a whole number of seconds, 0 or more (0 = no limit)", failures);
        if (Value(map, "dialErrorLimit") is { Kind: not PropertyValueKind.Unknown } limit
            && (limit.Kind != PropertyValueKind.Number || limit.NumberValue != Math.Floor(limit.NumberValue) || limit.NumberValue is < -1 or 0 or > int.MaxValue))
        {
            failures.Add(new($"{path}.dialErrorLimit", $"must be -1 (unlimited) or a whole number of 1 or more (was {CommandValues.Describe(limit)})"));
        }

        if (Value(map, "user") is { Kind: not PropertyValueKind.Unknown } user
            && (user.Kind != PropertyValueKind.String || string.IsNullOrWhiteSpace(user.StringValue)))
        {
            failures.Add(new($"{path}.user", $"must be a non-empty string when set (was {CommandValues.Describe(user)})"));
        }

        if (Value(map, "hostKey") is { Kind: not PropertyValueKind.Unknown } hostKey
            && (hostKey.Kind != PropertyValueKind.String || !HostKeyPin.TryParse(hostKey.StringValue, out _)))
        {
            failures.Add(new($"{path}.hostKey", $"must be a public key line such as \"ssh-ed25519 AAAA...\" or a \"SHA256:...\" fingerprint (was {CommandValues.Describe(hostKey)})"));
        }

        CheckCredentials(map, path, environmentHasAgent, failures);

        if (Value(map, "proxy") is { } proxy)
        {
            if (allowProxy)
            {
                Check(proxy, path + ".proxy", allowProxy: false, environmentHasAgent, failures);
            }
            else
            {
                failures.Add(new($"{path}.proxy", "is not supported: a proxy cannot have a proxy of its own (was an object)"));
            }
        }
    }

    private static void CheckCredentials(IReadOnlyDictionary<string, PropertyValue> map, string path, bool environmentHasAgent, List<CheckFailure> failures)
    {
        var password = Value(map, "password");
        var key = Value(map, "privateKey");
        var passphrase = Value(map, "privateKeyPassword");
        var agent = Value(map, "agentSocketPath");
        if (agent is { Kind: not (PropertyValueKind.String or PropertyValueKind.Unknown) })
        {
            failures.Add(new($"{path}.agentSocketPath", $"must be the path of an ssh-agent unix socket (was {CommandValues.Describe(agent)})"));
        }
        else if (agent is { Kind: PropertyValueKind.String } && string.IsNullOrWhiteSpace(agent.StringValue))
        {
            failures.Add(new($"{path}.agentSocketPath", $"must not be empty when set (was {CommandValues.Describe(agent)})"));
        }

        if (password is null && key is null)
        {
            if (agent is null && !environmentHasAgent)
            {
                failures.Add(new(
                    path,
                    "needs a credential: privateKey, password, or an ssh-agent socket (agentSocketPath, or SSH_AUTH_SOCK in the engine's environment) (password was missing, privateKey was missing, agentSocketPath was missing, SSH_AUTH_SOCK is not set)"));
            }

            return;
        }

        if (key is { Kind: PropertyValueKind.String } && passphrase?.Kind != PropertyValueKind.Unknown)
        {
            var problem = ProblemWithKey(key.StringValue, passphrase?.Kind == PropertyValueKind.String ? passphrase.StringValue : null);
            if (problem is not null)
            {
                failures.Add(new($"{path}.privateKey", problem));
            }
        }
    }

    /// <summary>Why a private key cannot be used, or null. Never includes the key or passphrase.</summary>
    private static string? ProblemWithKey(string key, string? passphrase)
    {
        if (string.IsNullOrWhiteSpace(key))
        {
            return "must not be empty (was an empty secret)";
        }

        try
        {
            using var file = SshDialer.LoadKey(key, passphrase);
            return null;
        }
        catch (SshPassPhraseNullOrEmptyException)
        {
            return "is encrypted: set privateKeyPassword (the key is not shown)";
        }
        catch (Exception exception) when (exception is SshException or InvalidOperationException or ArgumentException or FormatException or NotSupportedException or System.Security.Cryptography.CryptographicException or IndexOutOfRangeException or InvalidDataException)
        {
            return passphrase is null
                ? "is not a private key SSH.NET can read (OpenSSH or PEM; RSA, ECDSA or Ed25519); the key is not shown"
                : "could not be read: the privateKeyPassword is wrong or the format is not supported (OpenSSH or PEM; RSA, ECDSA or Ed25519); the key is not shown";
        }
    }

    private static void CheckInteger(
        IReadOnlyDictionary<string, PropertyValue> map,
        string path,
        string key,
        double min,
        double max,
        string rule,
        List<CheckFailure> failures)
    {
        if (Value(map, key) is { Kind: not PropertyValueKind.Unknown } value
            && (value.Kind != PropertyValueKind.Number || value.NumberValue != Math.Floor(value.NumberValue) || value.NumberValue < min || value.NumberValue > max))
        {
            failures.Add(new($"{path}.{key}", $"{rule} (was {CommandValues.Describe(value)})"));
        }
    }

    private static PropertyValue? Value(IReadOnlyDictionary<string, PropertyValue> map, string key) =>
        map.TryGetValue(key, out var value) && CommandValues.Plain(value) is { IsNull: false } plain ? plain : null;
}
