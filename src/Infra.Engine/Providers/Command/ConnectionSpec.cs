using System.Globalization;
using Infra.Protocol.Values;

namespace Infra.Engine.Providers.Command;

/// <summary>
/// A parsed, checked SSH connection (the <c>connection</c> input, or its <c>proxy</c>). Holds credentials in
/// plaintext for the dialer, so <see cref="ToString"/> shows only <c>user@host:port</c>.
/// </summary>
internal sealed record ConnectionSpec
{
    /// <summary>The default port.</summary>
    public const int DefaultPort = 22;

    /// <summary>The default user.</summary>
    public const string DefaultUser = "root";

    /// <summary>The default number of failed dials before giving up (-1 = unlimited).</summary>
    public const int DefaultDialErrorLimit = 10;

    /// <summary>The default timeout of one dial, in seconds (0 = no limit).</summary>
    public const int DefaultPerDialTimeout = 15;

    public required string Host { get; init; }

    public int Port { get; init; } = DefaultPort;

    public string User { get; init; } = DefaultUser;

    public string? Password { get; init; }

    public string? PrivateKey { get; init; }

    public string? PrivateKeyPassword { get; init; }

    /// <summary>The ssh-agent socket to authenticate with (<c>agentSocketPath</c>); not a secret.</summary>
    public string? AgentSocketPath { get; init; }

    public string? HostKey { get; init; }

    public int DialErrorLimit { get; init; } = DefaultDialErrorLimit;

    public int PerDialTimeout { get; init; } = DefaultPerDialTimeout;

    public ConnectionSpec? Proxy { get; init; }

    /// <summary><c>user@host:port</c>, safe to show.</summary>
    public string Endpoint => string.Create(CultureInfo.InvariantCulture, $"{User}@{Host}:{Port}");

    /// <summary>Reads a checked connection object (secret envelopes allowed at any depth).</summary>
    public static ConnectionSpec From(PropertyValue value)
    {
        var map = CommandValues.Plain(value).ObjectValue;
        return new ConnectionSpec
        {
            Host = CommandValues.GetString(map, "host") ?? string.Empty,
            Port = CommandValues.GetInt(map, "port", DefaultPort),
            User = CommandValues.GetString(map, "user") ?? DefaultUser,
            Password = CommandValues.GetString(map, "password"),
            PrivateKey = CommandValues.GetString(map, "privateKey"),
            PrivateKeyPassword = CommandValues.GetString(map, "privateKeyPassword"),
            AgentSocketPath = CommandValues.GetString(map, "agentSocketPath"),
            HostKey = CommandValues.GetString(map, "hostKey"),
            DialErrorLimit = CommandValues.GetInt(map, "dialErrorLimit", DefaultDialErrorLimit),
            PerDialTimeout = CommandValues.GetInt(map, "perDialTimeout", DefaultPerDialTimeout),
            Proxy = CommandValues.Get(map, "proxy") is { Kind: PropertyValueKind.Object } proxy ? From(proxy) : null,
        };
    }

    /// <summary>The credentials of this connection and its proxy, for redaction.</summary>
    public IEnumerable<string> Secrets()
    {
        foreach (var secret in new[] { Password, PrivateKey, PrivateKeyPassword })
        {
            if (!string.IsNullOrEmpty(secret))
            {
                yield return secret;
            }
        }

        if (Proxy is not null)
        {
            foreach (var secret in Proxy.Secrets())
            {
                yield return secret;
            }
        }
    }

    /// <summary>Only the endpoint (and the proxy's): never credentials.</summary>
    public override string ToString() => Proxy is null ? Endpoint : $"{Endpoint} via {Proxy.Endpoint}";
}
