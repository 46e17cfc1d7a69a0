using System.Text.Json.Nodes;

namespace Infra.Engine.Providers.Kubernetes;

/// <summary>
/// Waits until an applied object is ready, polling with the injected clock: Deployments and StatefulSets until every
/// replica is updated and ready, DaemonSets until every scheduled pod is, Jobs until Complete (Failed is an error),
/// Services until a LoadBalancer has an ingress or a selector Service has ready endpoints. Other kinds are ready at once.
/// Progress such as <c>Waiting for Deployment app: 1/3 replicas ready</c> goes to the step's progress.
/// </summary>
internal sealed class KubernetesAwaiter(KubernetesApiClient client, TimeProvider timeProvider, TimeSpan pollInterval)
{
    private static readonly KubernetesResourceInfo Endpoints = new(new KubernetesTypeToken(string.Empty, "v1", "Endpoints"), "endpoints", Namespaced: true);

    /// <summary>Polls until ready; returns the last live object.</summary>
    public async Task<JsonObject> WaitAsync(
        KubernetesTypeToken type,
        KubernetesResourceInfo info,
        string? ns,
        string name,
        JsonObject live,
        TimeSpan timeout,
        IProgress<string>? progress,
        CancellationToken cancellationToken = default)
    {
        var started = timeProvider.GetTimestamp();
        string? last = null;
        var display = ns is null ? $"{type.Kind} {name}" : $"{type.Kind} {ns}/{name}";
        while (true)
        {
            var readiness = await EvaluateAsync(type, ns, name, live, cancellationToken).ConfigureAwait(false);
            if (readiness.Ready)
            {
                return live;
            }

            if (readiness.Failure is not null)
            {
                throw new KubernetesAwaitException($"{display} failed: {readiness.Failure}");
            }

            if (timeProvider.GetElapsedTime(started) >= timeout)
            {
                throw new KubernetesAwaitException(
                    $"Timed out after {timeout.TotalSeconds:0.#} s waiting for {display} to become ready ({readiness.Message}). " +
                    "The object was applied; raise the annotation pulumi.com/timeoutSeconds or customTimeouts, or set pulumi.com/skipAwait: \"true\" to not wait.");
            }

            var message = $"Waiting for {type.Kind} {name}: {readiness.Message}";
            if (message != last)
            {
                progress?.Report(message);
                last = message;
            }

            await Task.Delay(pollInterval, timeProvider, cancellationToken).ConfigureAwait(false);
            live = await client.GetAsync(info, ns, name, cancellationToken).ConfigureAwait(false)
                ?? throw new KubernetesAwaitException($"{display} was deleted by someone else while waiting for it to become ready.");
        }
    }

    private async Task<KubernetesReadiness> EvaluateAsync(KubernetesTypeToken type, string? ns, string name, JsonObject live, CancellationToken cancellationToken)
    {
        switch ((type.Group, type.Kind))
        {
            case ("apps" or "extensions", "Deployment"):
            {
                var replicas = KubernetesJson.GetInt(live, "spec", "replicas") ?? 1;
                var ready = KubernetesJson.GetInt(live, "status", "readyReplicas") ?? 0;
                var updated = KubernetesJson.GetInt(live, "status", "updatedReplicas") ?? 0;
                var available = KubernetesJson.GetInt(live, "status", "availableReplicas") ?? 0;
                var done = Observed(live) && ready >= replicas && updated >= replicas && available >= replicas;
                return done ? KubernetesReadiness.Done : KubernetesReadiness.Waiting($"{Math.Min(ready, replicas)}/{replicas} replicas ready");
            }

            case ("apps", "StatefulSet"):
            {
                var replicas = KubernetesJson.GetInt(live, "spec", "replicas") ?? 1;
                var ready = KubernetesJson.GetInt(live, "status", "readyReplicas") ?? 0;
                var updated = KubernetesJson.GetInt(live, "status", "updatedReplicas") ?? 0;
                var current = KubernetesJson.GetString(live, "status", "currentRevision");
                var target = KubernetesJson.GetString(live, "status", "updateRevision");
                var done = Observed(live) && ready >= replicas && updated >= replicas && (current is null || target is null || current == target);
                return done ? KubernetesReadiness.Done : KubernetesReadiness.Waiting($"{Math.Min(ready, replicas)}/{replicas} replicas ready");
            }

            case ("apps", "DaemonSet"):
            {
                var desired = KubernetesJson.GetInt(live, "status", "desiredNumberScheduled");
                var ready = KubernetesJson.GetInt(live, "status", "numberReady") ?? 0;
                var updated = KubernetesJson.GetInt(live, "status", "updatedNumberScheduled") ?? 0;
                var done = Observed(live) && desired is { } d && ready >= d && updated >= d;
                return done ? KubernetesReadiness.Done : KubernetesReadiness.Waiting($"{ready}/{desired?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"} pods ready");
            }

            case ("batch", "Job"):
                return JobReadiness(live);

            case ("", "Service"):
                return await ServiceReadinessAsync(ns, name, live, cancellationToken).ConfigureAwait(false);

            default:
                return KubernetesReadiness.Done;
        }
    }

    private static bool Observed(JsonObject live) =>
        (KubernetesJson.GetInt(live, "status", "observedGeneration") ?? 0) >= (KubernetesJson.GetInt(live, "metadata", "generation") ?? 0);

    private static KubernetesReadiness JobReadiness(JsonObject live)
    {
        if (KubernetesJson.Walk(live, ["status", "conditions"]) is JsonArray conditions)
        {
            foreach (var condition in conditions.OfType<JsonObject>())
            {
                if (KubernetesJson.GetString(condition, "status") != "True")
                {
                    continue;
                }

                switch (KubernetesJson.GetString(condition, "type"))
                {
                    case "Complete":
                        return KubernetesReadiness.Done;
                    case "Failed":
                        return KubernetesReadiness.Failed(
                            $"the Job failed ({KubernetesJson.GetString(condition, "reason") ?? "no reason"}: {KubernetesJson.GetString(condition, "message") ?? "no message"}). " +
                            "Inspect its pods' logs; fix the Job and run again (a changed Job template replaces the Job).");
                }
            }
        }

        var succeeded = KubernetesJson.GetInt(live, "status", "succeeded") ?? 0;
        var active = KubernetesJson.GetInt(live, "status", "active") ?? 0;
        var failed = KubernetesJson.GetInt(live, "status", "failed") ?? 0;
        return KubernetesReadiness.Waiting($"not complete yet ({succeeded} succeeded, {active} active, {failed} failed)");
    }

    private async Task<KubernetesReadiness> ServiceReadinessAsync(string? ns, string name, JsonObject live, CancellationToken cancellationToken)
    {
        var type = KubernetesJson.GetString(live, "spec", "type") ?? "ClusterIP";
        if (type == "LoadBalancer")
        {
            return KubernetesJson.Walk(live, ["status", "loadBalancer", "ingress"]) is JsonArray { Count: > 0 }
                ? KubernetesReadiness.Done
                : KubernetesReadiness.Waiting("no load balancer ingress yet");
        }

        if (type == "ExternalName" || KubernetesJson.Walk(live, ["spec", "selector"]) is not JsonObject { Count: > 0 })
        {
            return KubernetesReadiness.Done;
        }

        var endpoints = await client.GetAsync(Endpoints, ns, name, cancellationToken).ConfigureAwait(false);
        var ready = KubernetesJson.Walk(endpoints, ["subsets"]) is JsonArray subsets
            && subsets.OfType<JsonObject>().Any(s => s["addresses"] is JsonArray { Count: > 0 });
        return ready ? KubernetesReadiness.Done : KubernetesReadiness.Waiting("no ready endpoints yet");
    }
}
