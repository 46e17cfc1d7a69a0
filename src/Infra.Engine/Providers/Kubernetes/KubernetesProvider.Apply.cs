using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Infra.Engine.Planning;
using Infra.Protocol.Values;

namespace Infra.Engine.Providers.Kubernetes;

internal sealed partial class KubernetesProvider
{
    private const int OptimisticRetries = 5;

    /// <inheritdoc/>
    public async Task<CreateResult> CreateAsync(CreateRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var type = TypeOf(request.Urn);
        if (request.Preview)
        {
            return Predict(type, request.Urn, request.Inputs, null);
        }

        if (_config.IsRenderMode)
        {
            return await RenderAsync(type, request.Urn, request.Inputs, null, cancellationToken).ConfigureAwait(false);
        }

        var client = RequireClient();
        var name = NameOf(request.Inputs);
        var info = await Guard(() => client.ResolveAsync(type, cancellationToken), type, null, name, "create").ConfigureAwait(false);
        var ns = info.Namespaced ? EffectiveNamespace(request.Inputs) : null;
        var fieldManager = FieldManagerFor(request.Urn, request.Inputs, null);
        var body = BodyOf(request.Inputs, ns);
        JsonObject live;
        if (_config.EnableServerSideApply)
        {
            if (!_config.UpsertExistingObjects && await Guard(() => client.GetAsync(info, ns, name, cancellationToken), type, ns, name, "create").ConfigureAwait(false) is not null)
            {
                throw new KubernetesApiException(
                    409,
                    "AlreadyExists",
                    $"{Display(type, ns, name)} already exists in the cluster at {client.Server}. Import it (import ID '{IdOf(ns, name)}'), delete it, or set kubernetes:upsertExistingObjects to true to adopt it.");
            }

            live = await Guard(() => client.ApplyAsync(info, ns, name, body, fieldManager, Force(request.Inputs), cancellationToken), type, ns, name, "create").ConfigureAwait(false);
        }
        else
        {
            live = await Guard(() => client.CreateAsync(info, ns, body, fieldManager, cancellationToken), type, ns, name, "create").ConfigureAwait(false);
        }

        live = await AwaitReadyAsync(client, type, info, ns, name, live, request.Inputs, request.Timeout, request.Progress, cancellationToken).ConfigureAwait(false);
        return new CreateResult { Id = IdOf(ns, name), Outputs = OutputsOf(type, live, request.Inputs, fieldManager) };
    }

    /// <inheritdoc/>
    public async Task<UpdateResult> UpdateAsync(UpdateRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var type = TypeOf(request.Urn);
        if (request.Preview)
        {
            return new UpdateResult { Outputs = Predict(type, request.Urn, request.NewInputs, request.OldOutputs).Outputs };
        }

        if (_config.IsRenderMode)
        {
            var rendered = await RenderAsync(type, request.Urn, request.NewInputs, request.OldOutputs, cancellationToken).ConfigureAwait(false);
            return new UpdateResult { Outputs = rendered.Outputs };
        }

        var client = RequireClient();
        var name = NameOf(request.NewInputs);
        try
        {
            var info = await Guard(() => client.ResolveAsync(type, cancellationToken), type, null, name, "update").ConfigureAwait(false);
            var ns = info.Namespaced ? EffectiveNamespace(request.NewInputs) : null;
            var fieldManager = FieldManagerFor(request.Urn, request.NewInputs, request.OldOutputs);
            var body = BodyOf(request.NewInputs, ns);
            JsonObject live;
            if (_config.EnableServerSideApply)
            {
                live = await Guard(() => client.ApplyAsync(info, ns, name, body, fieldManager, Force(request.NewInputs), cancellationToken), type, ns, name, "update")
                    .ConfigureAwait(false);
            }
            else
            {
                live = await ReplaceWithRetryAsync(client, type, info, ns, name, body, fieldManager, cancellationToken).ConfigureAwait(false);
            }

            live = await AwaitReadyAsync(client, type, info, ns, name, live, request.NewInputs, request.Timeout, request.Progress, cancellationToken).ConfigureAwait(false);
            return new UpdateResult { Outputs = OutputsOf(type, live, request.NewInputs, fieldManager) };
        }
        catch (KubernetesUnreachableException) when (_config.SkipUpdateUnreachable)
        {
            request.Progress?.Report($"The cluster at {client.Server} is unreachable; the update of {type.Kind} {name} is skipped (skipUpdateUnreachable).");
            return new UpdateResult { Outputs = request.OldOutputs };
        }
    }

    /// <inheritdoc/>
    public async Task<ReadResult> ReadAsync(ReadRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var type = TypeOf(request.Urn);
        if (_config.IsRenderMode || _client is null)
        {
            var state = request.State.IsEmpty ? request.Inputs : request.State;
            return new ReadResult { Id = request.Id, Inputs = request.Inputs, Outputs = state };
        }

        var client = _client;
        var (ns, name) = SplitId(request.Id);
        try
        {
            var info = await Guard(() => client.ResolveAsync(type, cancellationToken), type, ns, name, "read").ConfigureAwait(false);
            var live = await Guard(() => client.GetAsync(info, info.Namespaced ? ns ?? EffectiveNamespace(request.Inputs) : null, name, cancellationToken), type, ns, name, "read")
                .ConfigureAwait(false);
            if (live is null)
            {
                return ReadResult.Gone;
            }

            var fieldManager = KubernetesJson.AsString(request.State.GetValueOrDefault(FieldManagerKey)) ?? FieldManagerFor(request.Urn, request.Inputs, null);
            var inputs = request.Inputs.IsEmpty ? ImportedInputs(type, live) : request.Inputs;
            return new ReadResult { Id = request.Id, Inputs = inputs, Outputs = OutputsOf(type, live, inputs, fieldManager) };
        }
        catch (KubernetesUnreachableException) when (_config.DeleteUnreachable)
        {
            request.Progress?.Report($"The cluster at {client.Server} is unreachable; {type.Kind} {request.Id} is treated as gone (deleteUnreachable).");
            return ReadResult.Gone;
        }
    }

    /// <inheritdoc/>
    public async Task DeleteAsync(DeleteRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var type = TypeOf(request.Urn);
        var (idNamespace, name) = SplitId(request.Id);
        if (_config.IsRenderMode)
        {
            var source = request.Outputs.IsEmpty ? request.Inputs : request.Outputs;
            var rendered = KubernetesJson.AsString(KubernetesJson.At(source, "metadata.namespace")) ?? idNamespace;
            KubernetesManifestWriter.Delete(_config.RenderYamlToDirectory!, KubernetesManifestWriter.RelativePath(type, rendered, NameOf(source, name)));
            return;
        }

        var client = RequireClient();
        try
        {
            var info = await Guard(() => client.ResolveAsync(type, cancellationToken), type, idNamespace, name, "delete").ConfigureAwait(false);
            var ns = info.Namespaced ? idNamespace ?? EffectiveNamespace(request.Inputs) : null;
            var policy = Annotation(request.Inputs, KubernetesAnnotations.DeletionPropagationPolicy) is { } annotated
                ? PropagationPolicies.First(p => string.Equals(p, annotated, StringComparison.OrdinalIgnoreCase))
                : "Foreground";
            var uid = KubernetesJson.AsString(KubernetesJson.At(request.Outputs, "metadata.uid"));
            if (!await Guard(() => client.DeleteAsync(info, ns, name, policy, cancellationToken), type, ns, name, "delete").ConfigureAwait(false))
            {
                return;
            }

            var timeout = request.Timeout ?? TimeoutOf(request.Inputs, null, type);
            var started = _timeProvider.GetTimestamp();
            while (true)
            {
                var live = await Guard(() => client.GetAsync(info, ns, name, cancellationToken), type, ns, name, "delete").ConfigureAwait(false);
                if (live is null || (uid is not null && KubernetesJson.GetString(live, "metadata", "uid") is { } liveUid && liveUid != uid))
                {
                    return;
                }

                if (_timeProvider.GetElapsedTime(started) >= timeout)
                {
                    throw new KubernetesAwaitException(
                        $"Timed out after {timeout.TotalSeconds:0.#} s waiting for {Display(type, ns, name)} to be deleted (propagationPolicy {policy}; finalizers: " +
                        $"{FinalizersOf(live)}). Raise customTimeouts.delete or remove the blocking finalizers.");
                }

                request.Progress?.Report($"Waiting for {Display(type, ns, name)} to be deleted (propagationPolicy {policy})");
                await Task.Delay(_pollInterval, _timeProvider, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (KubernetesUnreachableException) when (_config.DeleteUnreachable)
        {
            request.Progress?.Report($"The cluster at {client.Server} is unreachable; {type.Kind} {request.Id} is removed from the state without deleting it (deleteUnreachable).");
        }
    }

    /// <summary>The inputs of an imported object: its live fields without status and server-set metadata.</summary>
    private static ImmutableSortedDictionary<string, PropertyValue> ImportedInputs(KubernetesTypeToken type, JsonObject live)
    {
        var copy = (JsonObject)live.DeepClone();
        copy.Remove("status");
        if (copy["metadata"] is JsonObject metadata)
        {
            foreach (var key in new[] { "uid", "resourceVersion", "generation", "creationTimestamp", "managedFields", "selfLink", "deletionTimestamp", "deletionGracePeriodSeconds" })
            {
                metadata.Remove(key);
            }
        }

        var inputs = KubernetesJson.FromJsonObject(copy);
        return ProtectSecrets(type, inputs, PropertyMaps.Empty);
    }

    private static string FinalizersOf(JsonObject live) =>
        KubernetesJson.Walk(live, ["metadata", "finalizers"]) is JsonArray { Count: > 0 } finalizers
            ? string.Join(", ", finalizers.Select(f => f?.ToString()))
            : "none";

    private static async Task<JsonObject> ReplaceWithRetryAsync(
        KubernetesApiClient client, KubernetesTypeToken type, KubernetesResourceInfo info, string? ns, string name, JsonObject body, string fieldManager, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var current = await Guard(() => client.GetAsync(info, ns, name, cancellationToken), type, ns, name, "update").ConfigureAwait(false)
                ?? throw new KubernetesApiException(404, "NotFound", $"{Display(type, ns, name)} no longer exists in the cluster at {client.Server}; run a refresh to recreate it.");
            var attemptBody = (JsonObject)body.DeepClone();
            ((JsonObject)attemptBody["metadata"]!)["resourceVersion"] = KubernetesJson.GetString(current, "metadata", "resourceVersion");
            try
            {
                return await client.ReplaceAsync(info, ns, name, attemptBody, fieldManager, cancellationToken).ConfigureAwait(false);
            }
            catch (KubernetesApiException ex) when (ex.StatusCode == 409 && attempt < OptimisticRetries)
            {
                // Someone changed the object between our GET and PUT: read it again and retry.
            }
            catch (Exception ex) when (ex is KubernetesApiException or KubernetesUnreachableException)
            {
                throw Translate(ex, type, ns, name, "update");
            }
        }
    }

    private CreateResult Predict(KubernetesTypeToken type, string urn, ImmutableSortedDictionary<string, PropertyValue> inputs, ImmutableSortedDictionary<string, PropertyValue>? oldOutputs)
    {
        var namespaced = !KubernetesKinds.IsClusterScoped(type.Group, type.Kind);
        var name = KubernetesJson.AsString(KubernetesJson.At(inputs, "metadata.name"));
        string? ns = null;
        var metadata = KubernetesJson.Unwrap(inputs.GetValueOrDefault("metadata")) is { Kind: PropertyValueKind.Object } m ? m : PropertyValue.EmptyObject;
        if (namespaced)
        {
            var known = KubernetesJson.Member(metadata, "namespace");
            ns = KubernetesJson.AsString(known) ?? (_config.IsUnknown ? null : EffectiveNamespace(inputs));
            if (known is null && !_config.IsRenderMode)
            {
                metadata = KubernetesJson.With(metadata, "namespace", ns is null ? PropertyValue.Unknown : PropertyValue.Create(ns));
            }
        }

        if (!_config.IsRenderMode)
        {
            foreach (var key in new[] { "uid", "resourceVersion", "creationTimestamp", "generation" })
            {
                var old = KubernetesJson.At(oldOutputs ?? PropertyMaps.Empty, "metadata." + key);
                metadata = KubernetesJson.With(metadata, key, key is "uid" or "creationTimestamp" && old is not null ? old : PropertyValue.Unknown);
            }
        }

        var outputs = inputs.SetItem("metadata", metadata);
        if (!_config.IsRenderMode)
        {
            outputs = outputs.SetItem(FieldManagerKey, PropertyValue.Create(FieldManagerFor(urn, inputs, oldOutputs)));
            if (KubernetesKinds.HasStatus(type.Group, type.Kind))
            {
                outputs = outputs.SetItem("status", PropertyValue.Unknown);
            }

            if (type.Group.Length == 0 && type.Kind == "Service" && KubernetesJson.At(inputs, "spec.clusterIP") is null)
            {
                var old = KubernetesJson.At(oldOutputs ?? PropertyMaps.Empty, "spec.clusterIP");
                outputs = outputs.SetItem("spec", KubernetesJson.With(outputs.GetValueOrDefault("spec"), "clusterIP", old ?? PropertyValue.Unknown));
            }
        }

        var id = name is null || (namespaced && ns is null) ? null : IdOf(namespaced ? ns : null, name);
        return new CreateResult { Id = id, Outputs = ProtectSecrets(type, outputs, inputs) };
    }

    private async Task<CreateResult> RenderAsync(
        KubernetesTypeToken type, string urn, ImmutableSortedDictionary<string, PropertyValue> inputs, ImmutableSortedDictionary<string, PropertyValue>? oldOutputs, CancellationToken cancellationToken)
    {
        _ = urn;
        var namespaced = !KubernetesKinds.IsClusterScoped(type.Group, type.Kind);
        var name = NameOf(inputs);
        var given = KubernetesJson.AsString(KubernetesJson.At(inputs, "metadata.namespace"));
        var ns = namespaced ? given ?? _config.Namespace : null;
        var outputs = inputs;
        if (namespaced && given is null && ns is not null)
        {
            outputs = outputs.SetItem("metadata", KubernetesJson.With(outputs.GetValueOrDefault("metadata"), "namespace", PropertyValue.Create(ns)));
        }

        var manifest = KubernetesJson.ToJsonObject(outputs);
        var path = KubernetesManifestWriter.RelativePath(type, ns, name);
        var directory = _config.RenderYamlToDirectory!;
        await KubernetesManifestWriter.WriteAsync(directory, path, KubernetesManifestWriter.Render(manifest, redactSecretData: !_config.RenderSecrets), cancellationToken)
            .ConfigureAwait(false);
        if (oldOutputs is not null && KubernetesJson.AsString(KubernetesJson.At(oldOutputs, "metadata.name")) is { } oldName)
        {
            var oldPath = KubernetesManifestWriter.RelativePath(type, namespaced ? KubernetesJson.AsString(KubernetesJson.At(oldOutputs, "metadata.namespace")) : null, oldName);
            if (oldPath != path)
            {
                KubernetesManifestWriter.Delete(directory, oldPath);
            }
        }

        return new CreateResult { Id = IdOf(namespaced ? ns ?? "default" : null, name), Outputs = ProtectSecrets(type, outputs, inputs) };
    }

    private async Task<JsonObject> AwaitReadyAsync(
        KubernetesApiClient client,
        KubernetesTypeToken type,
        KubernetesResourceInfo info,
        string? ns,
        string name,
        JsonObject live,
        IReadOnlyDictionary<string, PropertyValue> inputs,
        TimeSpan? requestTimeout,
        IProgress<string>? progress,
        CancellationToken cancellationToken)
    {
        if (AnnotationTrue(inputs, KubernetesAnnotations.SkipAwait))
        {
            return live;
        }

        var timeout = TimeoutOf(inputs, requestTimeout, type);
        var awaiter = new KubernetesAwaiter(client, _timeProvider, _pollInterval);
        try
        {
            return await awaiter.WaitAsync(type, info, ns, name, live, timeout, progress, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is KubernetesApiException or KubernetesUnreachableException)
        {
            throw Translate(ex, type, ns, name, "wait for");
        }
    }

    private static TimeSpan TimeoutOf(IReadOnlyDictionary<string, PropertyValue> inputs, TimeSpan? requestTimeout, KubernetesTypeToken type)
    {
        if (Annotation(inputs, KubernetesAnnotations.TimeoutSeconds) is { } text && KubernetesNames.TryParsePositive(text, out var seconds))
        {
            return TimeSpan.FromSeconds(seconds);
        }

        return requestTimeout ?? (type.Group.Length == 0 && type.Kind is "PersistentVolume" or "PersistentVolumeClaim" ? TimeSpan.FromMinutes(5) : TimeSpan.FromMinutes(10));
    }

    private bool Force(IReadOnlyDictionary<string, PropertyValue> inputs) => _config.EnablePatchForce || AnnotationTrue(inputs, KubernetesAnnotations.PatchForce);

    private KubernetesApiClient RequireClient() =>
        _client ?? throw new InvalidOperationException(
            "The kubernetes provider has no cluster connection: its kubeconfig was unknown when it was configured. This is only allowed in a preview.");

    private JsonObject BodyOf(IReadOnlyDictionary<string, PropertyValue> inputs, string? ns)
    {
        var body = KubernetesJson.ToJsonObject(inputs.Where(p => !p.Key.StartsWith("__", StringComparison.Ordinal)));
        if (body["metadata"] is not JsonObject metadata)
        {
            metadata = [];
            body["metadata"] = metadata;
        }

        if (ns is not null)
        {
            metadata["namespace"] = ns;
        }

        if (!_config.EnableServerSideApply)
        {
            if (metadata["labels"] is not JsonObject labels)
            {
                labels = [];
                metadata["labels"] = labels;
            }

            labels[KubernetesAnnotations.ManagedByLabel] = "pulumi";
        }

        return body;
    }

    private static string NameOf(IReadOnlyDictionary<string, PropertyValue> inputs, string? fallback = null) =>
        KubernetesJson.AsString(KubernetesJson.At(inputs, "metadata.name")) ?? fallback
        ?? throw new InvalidOperationException("The object has no known metadata.name; Check must run before Create.");

    private static (string? Namespace, string Name) SplitId(string id)
    {
        var slash = id.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? (null, id) : (id[..slash], id[(slash + 1)..]);
    }

    private static async Task<T> Guard<T>(Func<Task<T>> call, KubernetesTypeToken type, string? ns, string name, string operation)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is KubernetesApiException or KubernetesUnreachableException)
        {
            throw Translate(ex, type, ns, name, operation);
        }
    }

    /// <summary>Turns API failures into the distinct, actionable errors users need (conflict, unreachable, invalid, exists).</summary>
    private static Exception Translate(Exception ex, KubernetesTypeToken type, string? ns, string name, string operation)
    {
        var display = Display(type, ns, name);
        switch (ex)
        {
            case KubernetesUnreachableException when ex.Message.StartsWith("Could not ", StringComparison.Ordinal):
                return ex;
            case KubernetesUnreachableException unreachable:
                var hint = operation switch
                {
                    "delete" => " If the cluster is gone for good, set kubernetes:deleteUnreachable to true (or PULUMI_K8S_DELETE_UNREACHABLE=true) to remove its objects from the state without contacting it.",
                    "read" => " If the cluster is gone for good, set kubernetes:deleteUnreachable to true to drop its objects from the state on refresh.",
                    "update" => " To leave objects of an unreachable cluster untouched, set kubernetes:skipUpdateUnreachable to true.",
                    _ => " Check that the cluster is running and that the kubeconfig's server address is right.",
                };
                return new KubernetesUnreachableException(unreachable.Server, $"Could not {operation} {display}: {unreachable.Message}{hint}", unreachable);
            case KubernetesApiException { StatusCode: 409, Reason: "Conflict" } conflict when conflict.Causes.Any(c => c.Type.Contains("FieldManagerConflict", StringComparison.Ordinal)):
                var managers = conflict.Causes.Select(c => ManagerOf(c.Message)).Where(m => m.Length > 0).Distinct(StringComparer.Ordinal).ToList();
                var fields = conflict.Causes.Select(c => c.Field).Where(f => f.Length > 0).Distinct(StringComparer.Ordinal).ToList();
                return new KubernetesApiException(
                    409,
                    "Conflict",
                    $"Server-side apply of {display} conflicts with field manager {string.Join(", ", managers.Select(m => $"\"{m}\""))}, which owns {string.Join(", ", fields)} with a different value. " +
                    "Another tool or controller manages these fields. To take them over, set the annotation pulumi.com/patchForce: \"true\" on the object " +
                    "(or kubernetes:enablePatchForce to true for the whole stack); or change the program to agree with that manager.",
                    conflict.Causes);
            case KubernetesApiException { StatusCode: 422 } invalid:
                return new KubernetesApiException(422, invalid.Reason, $"The API server rejected {display} as invalid: {invalid.Message}", invalid.Causes);
            case KubernetesApiException api when !api.Message.Contains(display, StringComparison.Ordinal) && !api.Message.Contains(type.Kind, StringComparison.Ordinal):
                return new KubernetesApiException(api.StatusCode, api.Reason, $"Could not {operation} {display}: {api.Message} (HTTP {api.StatusCode} {api.Reason})", api.Causes);
            default:
                return ex;
        }
    }

    private static string ManagerOf(string causeMessage)
    {
        var start = causeMessage.IndexOf('"', StringComparison.Ordinal);
        var end = start < 0 ? -1 : causeMessage.IndexOf('"', start + 1);
        return start >= 0 && end > start ? causeMessage[(start + 1)..end] : string.Empty;
    }
}
