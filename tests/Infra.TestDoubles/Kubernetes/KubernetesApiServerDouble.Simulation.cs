using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Infra.TestDoubles.Kubernetes;

public sealed partial class KubernetesApiServerDouble
{
    private int _nextIp = 10;

    /// <summary>The owned leaves that changed between the stored object and <paramref name="merged"/> move to <paramref name="manager"/>.</summary>
    private static void TakeOwnership(KubernetesDoubleObject stored, string manager, string operation, JsonObject merged)
    {
        var before = KubernetesFieldPaths.Flatten(stored.Body);
        var after = KubernetesFieldPaths.Flatten(merged);
        var changed = after.Where(p => !before.TryGetValue(p.Key, out var old) || !JsonNode.DeepEquals(old, p.Value)).Select(p => p.Key).ToList();
        foreach (var (other, ownership) in stored.Managers)
        {
            if (other != manager)
            {
                ownership.Paths.RemoveWhere(p => changed.Any(c => KubernetesFieldPaths.Overlaps(c, p)));
            }
        }

        if (!stored.Managers.TryGetValue(manager, out var own))
        {
            own = (operation, new HashSet<string>(StringComparer.Ordinal));
        }

        own.Paths.UnionWith(changed);
        stored.Managers[manager] = (own.Operation == "Apply" ? "Apply" : operation, own.Paths);
        foreach (var key in stored.Managers.Where(m => m.Value.Paths.Count == 0).Select(m => m.Key).ToList())
        {
            stored.Managers.Remove(key);
        }
    }

    private static void MergePatch(JsonObject target, JsonObject patch)
    {
        foreach (var (key, value) in patch)
        {
            if (value is null)
            {
                target.Remove(key);
            }
            else if (value is JsonObject child && target[key] is JsonObject existing)
            {
                MergePatch(existing, child);
            }
            else
            {
                target[key] = value.DeepClone();
            }
        }
    }

    private void Commit(KubernetesDoubleObject stored, JsonObject merged)
    {
        var old = stored.Body;
        NormaliseSecret(stored.Type, merged);
        var metadata = (JsonObject)merged["metadata"]!;
        if (!JsonNode.DeepEquals(WithoutMetadataAndStatus(old), WithoutMetadataAndStatus(merged)))
        {
            metadata["generation"] = (KubernetesJsonPath.GetInt(old, "metadata", "generation") ?? 1) + 1;
            stored.Polls = 0;
        }

        if (!JsonNode.DeepEquals(old, merged))
        {
            metadata["resourceVersion"] = NextResourceVersion();
        }

        stored.Body = merged;
        AfterWrite(stored, old);
    }

    private static JsonObject WithoutMetadataAndStatus(JsonObject body)
    {
        var copy = (JsonObject)body.DeepClone();
        copy.Remove("metadata");
        copy.Remove("status");
        return copy;
    }

    private static void NormaliseSecret(KubernetesDoubleResourceType type, JsonObject body)
    {
        if (type.Group.Length != 0 || type.Kind != "Secret")
        {
            return;
        }

        if (body["stringData"] is JsonObject stringData)
        {
            if (body["data"] is not JsonObject data)
            {
                data = [];
                body["data"] = data;
            }

            foreach (var (key, value) in stringData)
            {
                data[key] = System.Convert.ToBase64String(Encoding.UTF8.GetBytes(value?.GetValue<string>() ?? string.Empty));
            }

            body.Remove("stringData");
        }

        body["type"] ??= "Opaque";
    }

    private void AfterWrite(KubernetesDoubleObject stored, JsonObject? old)
    {
        var body = stored.Body;
        NormaliseSecret(stored.Type, body);
        switch ((stored.Type.Group, stored.Type.Kind))
        {
            case ("", "Namespace"):
                body["status"] = new JsonObject { ["phase"] = "Active" };
                break;
            case ("", "Service"):
                if (body["spec"] is not JsonObject spec)
                {
                    spec = [];
                    body["spec"] = spec;
                }

                spec["type"] ??= "ClusterIP";
                if (spec["clusterIP"] is null && (string?)spec["type"] != "ExternalName")
                {
                    spec["clusterIP"] = KubernetesJsonPath.Get(old, "spec", "clusterIP") ?? $"10.96.0.{_nextIp++}";
                }

                var ns = KubernetesJsonPath.Get(body, "metadata", "namespace");
                var name = KubernetesJsonPath.Get(body, "metadata", "name")!;
                var endpointsType = _types.First(t => t.Group.Length == 0 && t.Kind == "Endpoints");
                if (spec["selector"] is JsonObject { Count: > 0 } && !_objects.ContainsKey(Key(endpointsType, ns, name)))
                {
                    var endpoints = new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Endpoints", ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = ns } };
                    StampNew(endpoints);
                    _objects[Key(endpointsType, ns, name)] = new KubernetesDoubleObject(endpointsType, endpoints);
                }

                Simulate(stored);
                break;
            default:
                Simulate(stored);
                break;
        }
    }

    private void Simulate(KubernetesDoubleObject stored)
    {
        var body = stored.Body;
        var generation = KubernetesJsonPath.GetInt(body, "metadata", "generation") ?? 1;
        var name = KubernetesJsonPath.Get(body, "metadata", "name") ?? string.Empty;
        switch ((stored.Type.Group, stored.Type.Kind))
        {
            case ("apps", "Deployment" or "StatefulSet"):
            {
                var replicas = KubernetesJsonPath.GetInt(body, "spec", "replicas") ?? 1;
                var ready = Progress(replicas, stored.Polls, WorkloadReadyAfterPolls);
                var status = new JsonObject
                {
                    ["observedGeneration"] = generation,
                    ["replicas"] = replicas,
                    ["updatedReplicas"] = replicas,
                    ["readyReplicas"] = ready,
                    ["availableReplicas"] = ready,
                };
                if (stored.Type.Kind == "StatefulSet")
                {
                    status["currentRevision"] = $"{name}-{generation}";
                    status["updateRevision"] = $"{name}-{generation}";
                }

                body["status"] = status;
                break;
            }

            case ("apps", "DaemonSet"):
            {
                var ready = Progress(Nodes, stored.Polls, WorkloadReadyAfterPolls);
                body["status"] = new JsonObject
                {
                    ["observedGeneration"] = generation,
                    ["desiredNumberScheduled"] = Nodes,
                    ["currentNumberScheduled"] = Nodes,
                    ["updatedNumberScheduled"] = Nodes,
                    ["numberReady"] = ready,
                    ["numberAvailable"] = ready,
                };
                break;
            }

            case ("batch", "Job"):
                if (stored.Polls < JobCompleteAfterPolls)
                {
                    body["status"] = new JsonObject { ["active"] = 1 };
                }
                else if (FailingJobs.Contains(name))
                {
                    body["status"] = new JsonObject
                    {
                        ["failed"] = 1,
                        ["conditions"] = new JsonArray(new JsonObject
                        {
                            ["type"] = "Failed", ["status"] = "True", ["reason"] = "BackoffLimitExceeded", ["message"] = "Job has reached the specified backoff limit",
                        }),
                    };
                }
                else
                {
                    body["status"] = new JsonObject
                    {
                        ["succeeded"] = KubernetesJsonPath.GetInt(body, "spec", "completions") ?? 1,
                        ["conditions"] = new JsonArray(new JsonObject { ["type"] = "Complete", ["status"] = "True" }),
                    };
                }

                break;
            case ("", "Service"):
                var ingress = KubernetesJsonPath.Get(body, "spec", "type") == "LoadBalancer" && LoadBalancerIngressAfterPolls is { } after && stored.Polls >= after
                    ? new JsonArray(new JsonObject { ["ip"] = "192.0.2.10" })
                    : null;
                body["status"] = new JsonObject { ["loadBalancer"] = ingress is null ? new JsonObject() : new JsonObject { ["ingress"] = ingress } };
                break;
            case ("", "Endpoints") when stored.Polls >= EndpointsReadyAfterPolls:
                body["subsets"] = new JsonArray(new JsonObject
                {
                    ["addresses"] = new JsonArray(new JsonObject { ["ip"] = "10.244.0.5" }),
                    ["ports"] = new JsonArray(new JsonObject { ["port"] = 80, ["protocol"] = "TCP" }),
                });
                break;
            case ("", "PersistentVolumeClaim"):
                body["status"] = new JsonObject { ["phase"] = "Bound" };
                break;
        }
    }

    private static long Progress(long total, int polls, int after) =>
        after <= 0 || polls >= after ? total : total * polls / after;

    private static (int, JsonObject)? ImmutabilityViolation(KubernetesDoubleObject stored, JsonObject merged)
    {
        var old = stored.Body;
        var type = stored.Type;
        var name = KubernetesJsonPath.Get(old, "metadata", "name") ?? string.Empty;
        string[] immutable = (type.Group, type.Kind) switch
        {
            ("", "Service") => ["spec", "clusterIP"],
            ("apps", "Deployment" or "DaemonSet" or "StatefulSet") => ["spec", "selector"],
            ("batch", "Job") => ["spec", "template"],
            ("storage.k8s.io", "StorageClass") => ["parameters"],
            ("rbac.authorization.k8s.io", "RoleBinding" or "ClusterRoleBinding") => ["roleRef"],
            _ => [],
        };
        if (immutable.Length > 0)
        {
            var before = KubernetesJsonPath.Node(old, immutable);
            var after = KubernetesJsonPath.Node(merged, immutable);
            if (before is not null && !JsonNode.DeepEquals(before, after))
            {
                return Invalid(type, name, string.Join('.', immutable), $"Invalid value: {after?.ToJsonString() ?? "null"}: field is immutable");
            }
        }

        if (type.Group.Length == 0 && type.Kind is "ConfigMap" or "Secret" && old["immutable"] is JsonValue flag && flag.GetValue<bool>())
        {
            NormaliseSecret(type, merged);
            foreach (var key in new[] { "data", "binaryData", "immutable" })
            {
                if (!JsonNode.DeepEquals(old[key], merged[key]))
                {
                    return Invalid(type, name, key, "Forbidden: field is immutable when `immutable` is set");
                }
            }
        }

        return null;
    }

    private static (int, JsonObject)? Validate(KubernetesDoubleResourceType type, JsonObject merged, JsonObject? old)
    {
        _ = old;
        var name = KubernetesJsonPath.Get(merged, "metadata", "name") ?? string.Empty;
        if (type.Group == "apps" && type.Kind is "Deployment" or "DaemonSet" or "StatefulSet")
        {
            if (KubernetesJsonPath.Node(merged, "spec", "selector") is not JsonObject selector)
            {
                return Invalid(type, name, "spec.selector", "Required value");
            }

            if (selector["matchLabels"] is JsonObject matchLabels && KubernetesJsonPath.Node(merged, "spec", "template", "metadata", "labels") is var labels
                && !matchLabels.All(p => labels is JsonObject l && JsonNode.DeepEquals(l[p.Key], p.Value)))
            {
                return Invalid(type, name, "spec.template.metadata.labels", $"Invalid value: {labels?.ToJsonString() ?? "null"}: `selector` does not match template `labels`");
            }
        }

        if (type.Group == "batch" && type.Kind == "Job" && KubernetesJsonPath.Node(merged, "spec", "template") is null)
        {
            return Invalid(type, name, "spec.template", "Required value");
        }

        return null;
    }

    private static JsonObject Present(KubernetesDoubleObject stored)
    {
        var copy = (JsonObject)stored.Body.DeepClone();
        var managed = new JsonArray();
        foreach (var (manager, ownership) in stored.Managers.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            var fields = new JsonObject();
            foreach (var path in ownership.Paths.Order(StringComparer.Ordinal))
            {
                var current = fields;
                foreach (var segment in path.Split(KubernetesFieldPaths.Separator))
                {
                    if (current["f:" + segment] is not JsonObject next)
                    {
                        next = [];
                        current["f:" + segment] = next;
                    }

                    current = next;
                }
            }

            managed.Add(new JsonObject
            {
                ["manager"] = manager,
                ["operation"] = ownership.Operation,
                ["apiVersion"] = stored.Type.ApiVersion,
                ["fieldsType"] = "FieldsV1",
                ["fieldsV1"] = fields,
            });
        }

        if (managed.Count > 0)
        {
            ((JsonObject)copy["metadata"]!)["managedFields"] = managed;
        }

        _ = CultureInfo.InvariantCulture;
        return copy;
    }
}
