using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Infra.TestDoubles.Kubernetes;

public sealed partial class KubernetesApiServerDouble
{
    private const string ApplyPatch = "application/apply-patch+yaml";
    private const string MergePatchType = "application/merge-patch+json";
    private const string StrategicMergePatch = "application/strategic-merge-patch+json";

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        if (ResponseDelay > TimeSpan.Zero)
        {
            await Task.Delay(ResponseDelay, TimeProvider.System, context.RequestAborted);
        }

        if (RefuseConnections)
        {
            Record(request, 0);
            context.Abort();
            return;
        }

        string body;
        using (var reader = new StreamReader(request.Body, Encoding.UTF8))
        {
            body = await reader.ReadToEndAsync(context.RequestAborted);
        }

        (int Status, JsonObject Body) answer;
        lock (_gate)
        {
            try
            {
                answer = Answer(request, body);
            }
            catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException or KeyNotFoundException or InvalidCastException or NullReferenceException)
            {
                // A bug in the double must be visible in the test that hit it, not an empty 500.
                answer = Status(500, "InternalError", $"the Kubernetes API double failed: {ex.GetType().Name}: {ex.Message}");
            }
        }

        Record(request, answer.Status);
        context.Response.StatusCode = answer.Status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(answer.Body.ToJsonString(), context.RequestAborted);
    }

    private void Record(HttpRequest request, int status)
    {
        lock (_gate)
        {
            _requests.Add(new KubernetesDoubleRequest(request.Method, request.Path.Value ?? string.Empty, request.QueryString.Value ?? string.Empty, request.ContentType, status));
        }
    }

    private (int, JsonObject) Answer(HttpRequest request, string body)
    {
        if (request.Headers.Authorization.ToString() != "Bearer " + Token)
        {
            return Status(401, "Unauthorized", "Unauthorized");
        }

        if (_failuresLeft > 0)
        {
            _failuresLeft--;
            return Status(FailureStatusCode, FailureStatusCode == 503 ? "ServiceUnavailable" : "InternalError", "an error on the server (\"injected by the double\") has prevented the request from succeeding");
        }

        var segments = (request.Path.Value ?? string.Empty).Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length == 0)
        {
            return Status(404, "NotFound", "the server could not find the requested resource");
        }

        if (request.Method == "GET" && segments is ["api"])
        {
            return (200, new JsonObject { ["kind"] = "APIVersions", ["versions"] = new JsonArray("v1") });
        }

        if (request.Method == "GET" && segments is ["apis"])
        {
            var groups = new JsonArray();
            foreach (var apiGroup in _types.Where(t => t.Group.Length > 0).GroupBy(t => t.Group))
            {
                var versions = new JsonArray([.. apiGroup.Select(t => t.Version).Distinct().Select(v => (JsonNode)new JsonObject { ["groupVersion"] = $"{apiGroup.Key}/{v}", ["version"] = v })]);
                groups.Add(new JsonObject { ["name"] = apiGroup.Key, ["versions"] = versions });
            }

            return (200, new JsonObject { ["kind"] = "APIGroupList", ["apiVersion"] = "v1", ["groups"] = groups });
        }

        string group;
        string version;
        string[] rest;
        if (segments[0] == "api" && segments.Length >= 2)
        {
            (group, version, rest) = (string.Empty, segments[1], segments[2..]);
        }
        else if (segments[0] == "apis" && segments.Length >= 3)
        {
            (group, version, rest) = (segments[1], segments[2], segments[3..]);
        }
        else
        {
            return Status(404, "NotFound", "the server could not find the requested resource");
        }

        var served = _types.Where(t => t.Group == group && t.Version == version).ToList();
        if (served.Count == 0)
        {
            return Status(404, "NotFound", "the server could not find the requested resource");
        }

        if (rest.Length == 0)
        {
            return request.Method == "GET" ? Discovery(group, version, served) : Status(405, "MethodNotAllowed", "the server does not allow this method on the requested resource");
        }

        string? ns = null;
        if (rest[0] == "namespaces" && rest.Length >= 3)
        {
            ns = rest[1];
            rest = rest[2..];
        }

        var type = served.FirstOrDefault(t => t.Plural == rest[0]);
        if (type is null || (ns is not null && !type.Namespaced) || rest.Length > 3 || (rest.Length == 3 && rest[2] != "status"))
        {
            return Status(404, "NotFound", "the server could not find the requested resource");
        }

        var name = rest.Length >= 2 ? rest[1] : null;
        if (type.Namespaced && ns is null && name is not null)
        {
            return Status(404, "NotFound", "the server could not find the requested resource");
        }

        return (request.Method, name) switch
        {
            ("GET", null) => ListObjects(type, ns),
            ("GET", _) => Get(type, ns, name),
            ("POST", null) => Create(type, ns, request, body),
            ("PUT", not null) => Replace(type, ns, name, request, body),
            ("PATCH", not null) => Patch(type, ns, name, request, body),
            ("DELETE", not null) => Delete(type, ns, name, request, body),
            _ => Status(405, "MethodNotAllowed", "the server does not allow this method on the requested resource"),
        };
    }

    private static (int, JsonObject) Discovery(string group, string version, List<KubernetesDoubleResourceType> served)
    {
        var resources = new JsonArray();
        foreach (var type in served)
        {
            resources.Add(new JsonObject
            {
                ["name"] = type.Plural,
                ["singularName"] = type.Kind.ToLowerInvariant(),
                ["namespaced"] = type.Namespaced,
                ["kind"] = type.Kind,
                ["verbs"] = new JsonArray("create", "delete", "get", "list", "patch", "update"),
            });
            resources.Add(new JsonObject { ["name"] = type.Plural + "/status", ["namespaced"] = type.Namespaced, ["kind"] = type.Kind, ["verbs"] = new JsonArray("get", "patch", "update") });
        }

        return (200, new JsonObject { ["kind"] = "APIResourceList", ["apiVersion"] = "v1", ["groupVersion"] = group.Length == 0 ? version : $"{group}/{version}", ["resources"] = resources });
    }

    private (int, JsonObject) ListObjects(KubernetesDoubleResourceType type, string? ns)
    {
        var items = new JsonArray([.. _objects.Values
            .Where(o => o.Type == type && (ns is null || KubernetesJsonPath.Get(o.Body, "metadata", "namespace") == ns))
            .Select(o => (JsonNode)Present(o))]);
        return (200, new JsonObject { ["kind"] = type.Kind + "List", ["apiVersion"] = type.ApiVersion, ["metadata"] = new JsonObject { ["resourceVersion"] = _resourceVersion.ToString(CultureInfo.InvariantCulture) }, ["items"] = items });
    }

    private (int, JsonObject) Get(KubernetesDoubleResourceType type, string? ns, string name)
    {
        var key = Key(type, ns, name);
        if (!_objects.TryGetValue(key, out var stored))
        {
            return NotFound(type, name);
        }

        if (stored.DeletionPollsLeft is { } left)
        {
            if (left <= 0)
            {
                _objects.Remove(key);
                return NotFound(type, name);
            }

            stored.DeletionPollsLeft = left - 1;
        }

        stored.Polls++;
        Simulate(stored);
        return (200, Present(stored));
    }

    private (int, JsonObject) Create(KubernetesDoubleResourceType type, string? ns, HttpRequest request, string text)
    {
        if (!IsJsonOrYaml(request.ContentType))
        {
            return UnsupportedMediaType(request.ContentType);
        }

        if (!TryParse(text, out var body, out var parseError))
        {
            return Status(400, "BadRequest", parseError);
        }

        var name = KubernetesJsonPath.Get(body, "metadata", "name");
        if (name is null)
        {
            return Invalid(type, string.Empty, "metadata.name", "Required value: name or generateName is required");
        }

        var problem = CheckBody(type, ns, name, body);
        if (problem is { } failure)
        {
            return failure;
        }

        if (_objects.ContainsKey(Key(type, ns, name)))
        {
            return Status(409, "AlreadyExists", $"{Resource(type)} \"{name}\" already exists");
        }

        var manager = request.Query["fieldManager"].ToString() is { Length: > 0 } m ? m : "unknown";
        var stored = new KubernetesDoubleObject(type, new JsonObject());
        body.Remove("status");
        ((JsonObject)body["metadata"]!)["namespace"] = ns;
        if (ns is null)
        {
            ((JsonObject)body["metadata"]!).Remove("namespace");
        }

        StampNew(body);
        TakeOwnership(stored, manager, "Update", body);
        stored.Body = body;
        AfterWrite(stored, null);
        _objects[Key(type, ns, name)] = stored;
        return (201, Present(stored));
    }

    private (int, JsonObject) Replace(KubernetesDoubleResourceType type, string? ns, string name, HttpRequest request, string text)
    {
        if (!IsJsonOrYaml(request.ContentType))
        {
            return UnsupportedMediaType(request.ContentType);
        }

        if (!TryParse(text, out var body, out var parseError))
        {
            return Status(400, "BadRequest", parseError);
        }

        if (CheckBody(type, ns, name, body) is { } failure)
        {
            return failure;
        }

        if (!_objects.TryGetValue(Key(type, ns, name), out var stored))
        {
            return NotFound(type, name);
        }

        var version = KubernetesJsonPath.Get(body, "metadata", "resourceVersion");
        if (string.IsNullOrEmpty(version))
        {
            return Invalid(type, name, "metadata.resourceVersion", "Invalid value: 0x0: must be specified for an update");
        }

        if (version != KubernetesJsonPath.Get(stored.Body, "metadata", "resourceVersion"))
        {
            return Status(409, "Conflict", $"Operation cannot be fulfilled on {Resource(type)} \"{name}\": the object has been modified; please apply your changes to the latest version and try again");
        }

        var merged = (JsonObject)body.DeepClone();
        var metadata = (JsonObject)merged["metadata"]!;
        foreach (var key in new[] { "uid", "creationTimestamp", "generation" })
        {
            metadata[key] = stored.Body["metadata"]![key]?.DeepClone();
        }

        if (ns is not null)
        {
            metadata["namespace"] = ns;
        }

        merged["status"] = stored.Body["status"]?.DeepClone();
        if (ImmutabilityViolation(stored, merged) is { } immutable)
        {
            return immutable;
        }

        TakeOwnership(stored, request.Query["fieldManager"].ToString() is { Length: > 0 } m ? m : "unknown", "Update", merged);
        Commit(stored, merged);
        return (200, Present(stored));
    }

    private (int, JsonObject) Patch(KubernetesDoubleResourceType type, string? ns, string name, HttpRequest request, string text)
    {
        var contentType = (request.ContentType ?? string.Empty).Split(';')[0].Trim();
        var manager = request.Query["fieldManager"].ToString();
        var force = request.Query["force"].ToString();
        if (contentType is not (ApplyPatch or MergePatchType or StrategicMergePatch))
        {
            return UnsupportedMediaType(request.ContentType);
        }

        if (force.Length > 0 && contentType != ApplyPatch)
        {
            return Status(400, "BadRequest", "force flag should only be set for apply patches (application/apply-patch+yaml)");
        }

        if (force.Length > 0 && force is not ("true" or "false"))
        {
            return Status(400, "BadRequest", $"invalid value for force: \"{force}\" (must be true or false)");
        }

        if (!TryParse(text, out var patch, out var parseError))
        {
            return Status(400, "BadRequest", parseError);
        }

        var key = Key(type, ns, name);
        _objects.TryGetValue(key, out var stored);
        if (contentType != ApplyPatch)
        {
            if (stored is null)
            {
                return NotFound(type, name);
            }

            var merged = (JsonObject)stored.Body.DeepClone();
            MergePatch(merged, patch);
            if (ImmutabilityViolation(stored, merged) is { } immutable)
            {
                return immutable;
            }

            TakeOwnership(stored, manager.Length > 0 ? manager : "unknown", "Update", merged);
            Commit(stored, merged);
            return (200, Present(stored));
        }

        if (manager.Length == 0)
        {
            return Status(400, "BadRequest", "PATCH, application/apply-patch+yaml: fieldManager is required for apply requests");
        }

        if (manager.Length > 128)
        {
            return Status(400, "BadRequest", "fieldManager: Too long: may not be longer than 128");
        }

        if (CheckBody(type, ns, name, patch) is { } failure)
        {
            return failure;
        }

        if (KubernetesJsonPath.Get(patch, "metadata", "name") is null)
        {
            return Status(400, "BadRequest", "metadata.name: Required value: name is required for apply requests");
        }

        return Apply(type, ns, name, stored, patch, manager, force == "true");
    }

    private (int, JsonObject) Apply(KubernetesDoubleResourceType type, string? ns, string name, KubernetesDoubleObject? stored, JsonObject patch, string manager, bool force)
    {
        patch.Remove("status");
        var applied = KubernetesFieldPaths.Flatten(patch);
        var isNew = stored is null;
        stored ??= new KubernetesDoubleObject(type, new JsonObject
        {
            ["apiVersion"] = type.ApiVersion,
            ["kind"] = type.Kind,
            ["metadata"] = ns is null ? new JsonObject { ["name"] = name } : new JsonObject { ["name"] = name, ["namespace"] = ns },
        });

        var conflicts = new List<(string Manager, string Path)>();
        foreach (var (path, value) in applied)
        {
            var exists = KubernetesFieldPaths.TryGet(stored.Body, path, out var current);
            if (!exists || JsonNode.DeepEquals(current, value))
            {
                continue;
            }

            foreach (var (other, ownership) in stored.Managers)
            {
                if (other != manager && ownership.Paths.Any(p => KubernetesFieldPaths.Overlaps(p, path)))
                {
                    conflicts.Add((other, path));
                }
            }
        }

        if (conflicts.Count > 0 && !force)
        {
            var causes = new JsonArray([.. conflicts.Select(c => (JsonNode)new JsonObject
            {
                ["reason"] = "FieldManagerConflict",
                ["message"] = $"conflict with \"{c.Manager}\" using {type.ApiVersion}",
                ["field"] = KubernetesFieldPaths.Display(c.Path),
            })]);
            var summary = string.Join("\n", conflicts.Select(c => $"- {KubernetesFieldPaths.Display(c.Path)}: conflict with \"{c.Manager}\""));
            var (code, status) = Status(409, "Conflict", $"Apply failed with {conflicts.Count} conflict{(conflicts.Count == 1 ? string.Empty : "s")}: {summary}");
            status["details"] = new JsonObject { ["name"] = name, ["group"] = type.Group, ["kind"] = type.Plural, ["causes"] = causes };
            return (code, status);
        }

        var merged = (JsonObject)stored.Body.DeepClone();
        var previous = stored.Managers.TryGetValue(manager, out var own) ? own.Paths : [];
        foreach (var path in previous.Where(p => !applied.ContainsKey(p)))
        {
            if (!stored.Managers.Any(m => m.Key != manager && m.Value.Paths.Contains(path)))
            {
                KubernetesFieldPaths.Remove(merged, path);
            }
        }

        foreach (var (path, value) in applied)
        {
            KubernetesFieldPaths.Set(merged, path, value);
        }

        foreach (var (other, ownership) in stored.Managers)
        {
            if (other != manager)
            {
                ownership.Paths.RemoveWhere(p => conflicts.Any(c => c.Manager == other && KubernetesFieldPaths.Overlaps(c.Path, p)));
            }
        }

        if (!isNew && ImmutabilityViolation(stored, merged) is { } immutable)
        {
            return immutable;
        }

        if (Validate(type, merged, isNew ? null : stored.Body) is { } invalid)
        {
            return invalid;
        }

        stored.Managers[manager] = ("Apply", [.. applied.Keys]);
        foreach (var empty in stored.Managers.Where(m => m.Value.Paths.Count == 0).Select(m => m.Key).ToList())
        {
            stored.Managers.Remove(empty);
        }

        if (isNew)
        {
            StampNew(merged);
            stored.Body = merged;
            AfterWrite(stored, null);
            _objects[Key(type, ns, name)] = stored;
            return (201, Present(stored));
        }

        Commit(stored, merged);
        return (200, Present(stored));
    }

    private (int, JsonObject) Delete(KubernetesDoubleResourceType type, string? ns, string name, HttpRequest request, string text)
    {
        var policy = request.Query["propagationPolicy"].ToString();
        if (text.Length > 0)
        {
            if (!TryParse(text, out var options, out var parseError))
            {
                return Status(400, "BadRequest", parseError);
            }

            if (KubernetesJsonPath.Get(options, "kind") is { } kind && kind != "DeleteOptions")
            {
                return Status(400, "BadRequest", $"the body of a DELETE must be DeleteOptions (was kind {kind})");
            }

            policy = KubernetesJsonPath.Get(options, "propagationPolicy") ?? policy;
        }

        if (policy.Length > 0 && policy is not ("Foreground" or "Background" or "Orphan"))
        {
            return Status(422, "Invalid", $"DeleteOptions.meta.k8s.io \"\" is invalid: propagationPolicy: Unsupported value: \"{policy}\": supported values: \"Foreground\", \"Background\", \"Orphan\"");
        }

        var key = Key(type, ns, name);
        if (!_objects.TryGetValue(key, out var stored) || stored.DeletionPollsLeft is <= 0)
        {
            return NotFound(type, name);
        }

        if (policy == "Foreground" && ForegroundDeletionPolls > 0)
        {
            var metadata = (JsonObject)stored.Body["metadata"]!;
            metadata["deletionTimestamp"] = TimeProvider.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
            metadata["finalizers"] = new JsonArray("foregroundDeletion");
            metadata["resourceVersion"] = NextResourceVersion();
            stored.DeletionPollsLeft ??= ForegroundDeletionPolls;
            return (200, Present(stored));
        }

        _objects.Remove(key);
        var (_, status) = Status(200, string.Empty, string.Empty);
        status["status"] = "Success";
        status.Remove("reason");
        status.Remove("message");
        status["details"] = new JsonObject { ["name"] = name, ["group"] = type.Group, ["kind"] = type.Plural, ["uid"] = KubernetesJsonPath.Get(stored.Body, "metadata", "uid") };
        return (200, status);
    }

    private (int, JsonObject)? CheckBody(KubernetesDoubleResourceType type, string? ns, string name, JsonObject body)
    {
        var apiVersion = KubernetesJsonPath.Get(body, "apiVersion");
        var kind = KubernetesJsonPath.Get(body, "kind");
        if (apiVersion is null || kind is null)
        {
            return Status(400, "BadRequest", "Object 'Kind' is missing in '" + Truncate(body.ToJsonString()) + "'");
        }

        if (apiVersion != type.ApiVersion || kind != type.Kind)
        {
            return Status(400, "BadRequest", $"the API version in the data ({apiVersion}) and kind ({kind}) do not match the expected {type.ApiVersion} {type.Kind}");
        }

        if (KubernetesJsonPath.Get(body, "metadata", "name") is { } bodyName && bodyName != name)
        {
            return Status(400, "BadRequest", $"the name of the object ({bodyName}) does not match the name on the URL ({name})");
        }

        if (KubernetesJsonPath.Get(body, "metadata", "namespace") is { } bodyNamespace && ns is not null && bodyNamespace != ns)
        {
            return Status(400, "BadRequest", "the namespace of the provided object does not match the namespace sent on the request");
        }

        if (!type.Namespaced && KubernetesJsonPath.Get(body, "metadata", "namespace") is { Length: > 0 })
        {
            return Status(400, "BadRequest", $"{type.Kind} is cluster-scoped; metadata.namespace must not be set");
        }

        var nameProblem = KubernetesDoubleNames.Validate(type, name);
        if (nameProblem is not null)
        {
            return Invalid(type, name, "metadata.name", $"Invalid value: \"{name}\": {nameProblem}");
        }

        if (ns is not null && !_objects.ContainsKey(Key(_types[0], null, ns)))
        {
            return Status(404, "NotFound", $"namespaces \"{ns}\" not found");
        }

        return null;
    }

    private static bool IsJsonOrYaml(string? contentType) =>
        (contentType ?? string.Empty).Split(';')[0].Trim() is "application/json" or "application/yaml";

    private static bool TryParse(string text, out JsonObject result, out string error)
    {
        result = [];
        error = string.Empty;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "the request body is empty";
            return false;
        }

        try
        {
            if (JsonNode.Parse(text) is JsonObject obj)
            {
                result = obj;
                return true;
            }
        }
        catch (JsonException)
        {
            if (KubernetesDoubleYaml.TryParse(text, out var yaml))
            {
                result = yaml;
                return true;
            }
        }

        error = "the request body is not a JSON or YAML object";
        return false;
    }

    private static string Truncate(string text) => text.Length > 80 ? text[..80] + "..." : text;

    private static string Resource(KubernetesDoubleResourceType type) => type.Group.Length == 0 ? type.Plural : $"{type.Plural}.{type.Group}";

    private static (int, JsonObject) NotFound(KubernetesDoubleResourceType type, string name) =>
        Status(404, "NotFound", $"{Resource(type)} \"{name}\" not found");

    private static (int, JsonObject) UnsupportedMediaType(string? contentType) =>
        Status(415, "UnsupportedMediaType", $"the body of the request was in an unknown format - accepted media types include: application/json, application/yaml, application/apply-patch+yaml, application/merge-patch+json, application/strategic-merge-patch+json (was \"{contentType}\")");

    private static (int, JsonObject) Invalid(KubernetesDoubleResourceType type, string name, string field, string detail)
    {
        var (code, status) = Status(422, "Invalid", $"{type.Kind}{(type.Group.Length == 0 ? string.Empty : "." + type.Group)} \"{name}\" is invalid: {field}: {detail}");
        status["details"] = new JsonObject
        {
            ["name"] = name,
            ["group"] = type.Group,
            ["kind"] = type.Kind,
            ["causes"] = new JsonArray(new JsonObject { ["reason"] = "FieldValueInvalid", ["message"] = detail, ["field"] = field }),
        };
        return (code, status);
    }

    private static (int, JsonObject) Status(int code, string reason, string message) => (code, new JsonObject
    {
        ["kind"] = "Status",
        ["apiVersion"] = "v1",
        ["metadata"] = new JsonObject(),
        ["status"] = "Failure",
        ["message"] = message,
        ["reason"] = reason,
        ["code"] = code,
    });
}
