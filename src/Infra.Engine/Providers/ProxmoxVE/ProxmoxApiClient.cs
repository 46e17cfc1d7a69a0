using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace Infra.Engine.Providers.ProxmoxVE;

/// <summary>
/// A small client of the Proxmox VE REST API: <c>Authorization: PVEAPIToken=…</c> (or a ticket cookie with
/// the CSRF header), form-encoded POST/PUT bodies, query parameters on GET/DELETE, <c>{"data": …}</c> answers.
/// Asynchronous calls return UPIDs; <see cref="WaitForTaskAsync"/> polls them until they stop.
/// </summary>
internal sealed class ProxmoxApiClient
{
    private readonly HttpClient _http;
    private readonly ProxmoxProviderConfig _config;
    private readonly TimeProvider _timeProvider;
    private readonly ProxmoxVEProviderOptions _options;
    private readonly Lock _loginGate = new();
    private Task<(string Ticket, string Csrf)>? _login;

    public ProxmoxApiClient(HttpClient http, ProxmoxProviderConfig config, TimeProvider timeProvider, ProxmoxVEProviderOptions options)
    {
        _http = http;
        _config = config;
        _timeProvider = timeProvider;
        _options = options;
    }

    public Task<JsonNode?> GetAsync(string path, IEnumerable<KeyValuePair<string, string>>? query = null, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Get, path, query, cancellationToken);

    public Task<JsonNode?> PostAsync(string path, IEnumerable<KeyValuePair<string, string>>? form = null, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, path, form, cancellationToken);

    public Task<JsonNode?> PutAsync(string path, IEnumerable<KeyValuePair<string, string>>? form = null, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Put, path, form, cancellationToken);

    public Task<JsonNode?> DeleteAsync(string path, IEnumerable<KeyValuePair<string, string>>? query = null, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Delete, path, query, cancellationToken);

    /// <summary>
    /// Waits until the task <paramref name="upid"/> stopped (polling through the injected clock, a tenth of the
    /// time already waited between polls, bounded) and fails unless its exit status is <c>OK</c>.
    /// </summary>
    public async Task WaitForTaskAsync(string node, string upid, TimeSpan timeout, string what, IProgress<string>? progress, CancellationToken cancellationToken = default)
    {
        var started = _timeProvider.GetTimestamp();
        var reported = TimeSpan.Zero;
        while (true)
        {
            var status = await GetAsync($"nodes/{Uri.EscapeDataString(node)}/tasks/{Uri.EscapeDataString(upid)}/status", cancellationToken: cancellationToken).ConfigureAwait(false);
            var elapsed = _timeProvider.GetElapsedTime(started);
            if ((string?)status?["status"] == "stopped")
            {
                var exit = (string?)status["exitstatus"] ?? "unknown exit status";
                if (exit != "OK")
                {
                    throw new ProxmoxApiException($"{what} failed: task {upid} ended with '{exit}'.", apiMessage: exit);
                }

                return;
            }

            if (elapsed >= timeout)
            {
                throw new ProxmoxApiException(
                    $"{what} did not finish within {Seconds(timeout)} (task {upid} is still running); raise the resource's timeout if the cluster is slow.",
                    apiMessage: "timeout");
            }

            if (elapsed - reported >= TimeSpan.FromSeconds(5))
            {
                reported = elapsed;
                progress?.Report($"{what}: task still running after {Seconds(elapsed)}");
            }

            var delay = TimeSpan.FromTicks(Math.Clamp(elapsed.Ticks / 10, _options.TaskPollMinimum.Ticks, _options.TaskPollMaximum.Ticks));
            await Task.Delay(delay, _timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Runs an asynchronous call: sends it, then waits for the UPID it answers (a null answer means it finished).</summary>
    public async Task RunTaskAsync(string node, Func<Task<JsonNode?>> call, TimeSpan timeout, string what, IProgress<string>? progress, CancellationToken cancellationToken = default)
    {
        var answer = await call().ConfigureAwait(false);
        if (answer is JsonValue value && value.TryGetValue<string>(out var upid) && upid.StartsWith("UPID:", StringComparison.Ordinal))
        {
            await WaitForTaskAsync(node, upid, timeout, what, progress, cancellationToken).ConfigureAwait(false);
        }
    }

    internal static string Seconds(TimeSpan span) =>
        span.TotalSeconds >= 1 ? span.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture) + "s" : span.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture) + "ms";

    private async Task<JsonNode?> SendAsync(HttpMethod method, string path, IEnumerable<KeyValuePair<string, string>>? parameters, CancellationToken cancellationToken)
    {
        var pairs = parameters?.ToList() ?? [];
        var uri = new Uri(_config.ApiBase, path);
        if ((method == HttpMethod.Get || method == HttpMethod.Delete) && pairs.Count > 0)
        {
            uri = new Uri(uri + "?" + string.Join('&', pairs.Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value))));
        }

        using var request = new HttpRequestMessage(method, uri);
        if (method == HttpMethod.Post || method == HttpMethod.Put)
        {
            request.Content = new FormUrlEncodedContent(pairs);
        }

        await AuthenticateAsync(request, cancellationToken).ConfigureAwait(false);
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        JsonNode? parsed = null;
        try
        {
            parsed = body.Length > 0 ? JsonNode.Parse(body) : null;
        }
        catch (System.Text.Json.JsonException)
        {
            // Not JSON (e.g. a proxy error page): reported below with the status.
        }

        if (!response.IsSuccessStatusCode)
        {
            var message = ((string?)parsed?["message"])?.Trim() ?? response.ReasonPhrase ?? "no message";
            var errors = parsed?["errors"] is JsonObject errorObject
                ? errorObject.ToDictionary(p => p.Key, p => p.Value?.ToString() ?? string.Empty, StringComparer.Ordinal)
                : new Dictionary<string, string>(StringComparer.Ordinal);
            var details = errors.Count == 0 ? string.Empty : " (" + string.Join("; ", errors.Select(e => $"{e.Key}: {e.Value}")) + ")";
            throw new ProxmoxApiException(
                $"Proxmox VE API {method} /{path} failed with {(int)response.StatusCode}: {message}{details}",
                response.StatusCode,
                errors,
                message + details);
        }

        return parsed?["data"];
    }

    private async Task AuthenticateAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (_config.ApiToken is { } token)
        {
            request.Headers.TryAddWithoutValidation("Authorization", "PVEAPIToken=" + token);
            return;
        }

        if (_config.Username is null || _config.Password is null)
        {
            throw new ProxmoxApiException("The proxmoxve provider has no credentials: set apiToken (USER@REALM!TOKENID=UUID) or username and password.");
        }

        Task<(string Ticket, string Csrf)> login;
        lock (_loginGate)
        {
            // One login per client; a failed login is retried by the next request.
            login = _login is { IsFaulted: false, IsCanceled: false } ? _login : _login = LoginAsync();
        }

        var (ticket, csrf) = await login.WaitAsync(cancellationToken).ConfigureAwait(false);
        request.Headers.Add("Cookie", "PVEAuthCookie=" + ticket);
        if (request.Method != HttpMethod.Get)
        {
            request.Headers.Add("CSRFPreventionToken", csrf);
        }
    }

    private async Task<(string Ticket, string Csrf)> LoginAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_config.ApiBase, "access/ticket"))
        {
            Content = new FormUrlEncodedContent([KeyValuePair.Create("username", _config.Username!), KeyValuePair.Create("password", _config.Password!)]),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await _http.SendAsync(request).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            // Never echo the password: name the user only.
            throw new ProxmoxApiException($"Proxmox VE login of user '{_config.Username}' failed with {(int)response.StatusCode}: check username and password.", response.StatusCode);
        }

        var data = JsonNode.Parse(await response.Content.ReadAsStringAsync().ConfigureAwait(false))?["data"];
        return ((string?)data?["ticket"] ?? string.Empty, (string?)data?["CSRFPreventionToken"] ?? string.Empty);
    }
}
