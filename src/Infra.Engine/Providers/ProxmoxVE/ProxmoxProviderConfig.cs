using System.Collections.Immutable;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Infra.Protocol.Values;

namespace Infra.Engine.Providers.ProxmoxVE;

/// <summary>The parsed configuration of a proxmoxve provider instance (secrets kept out of every message).</summary>
internal sealed partial class ProxmoxProviderConfig
{
    /// <summary>Whether every value needed to talk to the API is known (false in a preview with unknown config).</summary>
    public bool IsKnown { get; private init; }

    public Uri ApiBase { get; private init; } = new("https://localhost:8006/api2/json/");

    public string? Endpoint { get; private init; }

    public string? ApiToken { get; private init; }

    public string? Username { get; private init; }

    public string? Password { get; private init; }

    public bool Insecure { get; private init; }

    /// <summary>Whether an <c>ssh</c> block with credentials (or the agent) is configured.</summary>
    public bool HasSsh { get; private init; }

    /// <summary>Problems of the configuration (reported by Check of every resource).</summary>
    public ImmutableArray<CheckFailure> Problems { get; private init; } = [];

    public static ProxmoxProviderConfig Parse(ImmutableSortedDictionary<string, PropertyValue> config, Func<string, string?> environment)
    {
        if (config.Values.Any(v => v.ContainsUnknowns))
        {
            return new ProxmoxProviderConfig { IsKnown = false };
        }

        var endpoint = Props.String(config, "endpoint") ?? environment("PROXMOX_VE_ENDPOINT");
        var token = Props.String(config, "apiToken") ?? environment("PROXMOX_VE_API_TOKEN");
        var username = Props.String(config, "username") ?? environment("PROXMOX_VE_USERNAME");
        var password = Props.String(config, "password") ?? environment("PROXMOX_VE_PASSWORD");
        var insecure = Props.Bool(config, "insecure") ?? (environment("PROXMOX_VE_INSECURE") is { } flag && bool.TryParse(flag, out var parsed) && parsed);
        var problems = ImmutableArray.CreateBuilder<CheckFailure>();
        Uri? apiBase = null;
        if (endpoint is null)
        {
            problems.Add(new CheckFailure("endpoint", "the proxmoxve provider needs an endpoint such as https://pve.lan:8006/ (provider endpoint, proxmoxve:endpoint or PROXMOX_VE_ENDPOINT)"));
        }
        else if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            problems.Add(new CheckFailure("endpoint", $"the proxmoxve provider's endpoint must be an http(s) URL such as https://pve.lan:8006/ (was '{endpoint}')"));
        }
        else
        {
            apiBase = new Uri(uri, uri.AbsolutePath.TrimEnd('/') + "/api2/json/");
        }

        if (token is not null && !TokenPattern().IsMatch(token))
        {
            problems.Add(new CheckFailure("apiToken", "the proxmoxve provider's apiToken must have the shape USER@REALM!TOKENID=UUID (the value is secret and not shown)"));
        }

        if (token is null && (username is null || password is null))
        {
            problems.Add(new CheckFailure("apiToken", "the proxmoxve provider needs credentials: apiToken (USER@REALM!TOKENID=UUID) or username and password"));
        }

        var ssh = SshObject(config);
        var hasSsh = ssh is not null
            && (ssh["password"] is not null || ssh["privateKey"] is not null || ssh["agent"]?.GetValueKind() == System.Text.Json.JsonValueKind.True);
        return new ProxmoxProviderConfig
        {
            IsKnown = true,
            ApiBase = apiBase ?? new Uri("https://localhost:8006/api2/json/"),
            Endpoint = endpoint,
            ApiToken = token,
            Username = username,
            Password = password,
            Insecure = insecure,
            HasSsh = hasSsh || environment("PROXMOX_VE_SSH_PASSWORD") is not null || environment("PROXMOX_VE_SSH_PRIVATE_KEY") is not null,
            Problems = problems.ToImmutable(),
        };
    }

    private static JsonObject? SshObject(ImmutableSortedDictionary<string, PropertyValue> config)
    {
        if (!config.TryGetValue("ssh", out var raw) || Props.Plain(raw) is not { } value)
        {
            return null;
        }

        if (value.Kind == PropertyValueKind.String)
        {
            try
            {
                return JsonNode.Parse(value.StringValue) as JsonObject;
            }
            catch (System.Text.Json.JsonException)
            {
                return null;
            }
        }

        return value.Kind == PropertyValueKind.Object
            ? new JsonObject(value.ObjectValue.Select(p => KeyValuePair.Create(p.Key, Props.Plain(p.Value) is { } v ? JsonValue.Create(v.ToString()) as JsonNode : null)))
            : null;
    }

    [GeneratedRegex(@"^[^\s@!=]+@[^\s@!=]+![^\s@!=]+=[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")]
    private static partial Regex TokenPattern();
}
