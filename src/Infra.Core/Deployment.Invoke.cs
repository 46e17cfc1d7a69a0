using System.Collections.Immutable;
using Infra.Protocol.Rpc;
using Infra.Protocol.Values;
using Infra.Runtime;
using Infra.Serialization;

namespace Infra;

/// <summary>Provider functions (invokes).</summary>
public sealed partial class Deployment
{
    /// <summary>
    /// Calls a provider function and returns its result as an output: unknown during preview when any
    /// argument is unknown (the call is then not sent), secret when the result holds secrets.
    /// </summary>
    /// <typeparam name="T">The result type (an object type whose properties name the result fields, or a dictionary).</typeparam>
    /// <param name="token">The function token <c>package:module:function</c>.</param>
    /// <param name="args">The arguments.</param>
    /// <param name="options">The options.</param>
    public static Output<T> Invoke<T>(string token, InvokeArgs args, InvokeOptions? options = null)
    {
        var deployment = Current;
        var task = deployment.InvokeCoreAsync<T>(token, args, options);
        deployment.Runner.Track($"invoke of '{token}'", task);
        return new Output<T>(task);
    }

    /// <summary>Calls a provider function and returns its plain result. Fails when an argument is unknown (use <see cref="Invoke{T}"/> in preview).</summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="token">The function token <c>package:module:function</c>.</param>
    /// <param name="args">The arguments.</param>
    /// <param name="options">The options.</param>
    public static async Task<T> InvokeAsync<T>(string token, InvokeArgs args, InvokeOptions? options = null)
    {
        var data = await Invoke<T>(token, args, options).DataTask.ConfigureAwait(false);
        if (!data.IsKnown)
        {
            throw new InvalidOperationException(
                $"Invoke of '{token}': an argument is unknown during preview, so there is no result; use Deployment.Invoke<T> (an Output) instead.");
        }

        return data.Value;
    }

    private async Task<OutputData<T>> InvokeCoreAsync<T>(string token, InvokeArgs args, InvokeOptions? options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(token);
        ArgumentNullException.ThrowIfNull(args);
        if (options?.Version is { } version && !Semver.IsValid(version))
        {
            throw new ArgumentException($"Invoke of '{token}': options.Version must be strict semver without a leading 'v' (was '{version}').", nameof(options));
        }

        var serializer = new Serializer(await Features.ResourceReferences.ConfigureAwait(false), keepOutputValues: false);
        var properties = await serializer.SerializeArgsAsync($"invoke '{token}'", args).ConfigureAwait(false);
        var dependencies = properties.Values.SelectMany(p => p.Dependencies).ToImmutableHashSet();
        var argsSecret = properties.Values.Any(p => p.Value.ContainsSecrets);
        if (properties.Values.Any(p => p.Value.ContainsUnknowns))
        {
            return OutputData<T>.Unknown(argsSecret, dependencies);
        }

        var provider = options?.Provider ?? options?.Parent?.Providers.GetValueOrDefault(Urns.PackageOf(token));
        var providerReference = string.Empty;
        if (provider is not null)
        {
            var providerUrn = (await provider.Urn.DataTask.ConfigureAwait(false)).Value;
            var providerId = await provider.Id.DataTask.ConfigureAwait(false);
            if (!providerId.IsKnown)
            {
                return OutputData<T>.Unknown(argsSecret, dependencies);
            }

            providerReference = $"{providerUrn}::{providerId.Value}";
        }

        var request = new ResourceInvokeRequest
        {
            Tok = token,
            Args = StructEncoding.ToStruct(properties.Select(p => KeyValuePair.Create(p.Key, p.Value.Value))),
            Provider = providerReference,
            Version = options?.Version ?? string.Empty,
            AcceptResources = await Features.ResourceReferences.ConfigureAwait(false),
            PluginDownloadURL = options?.PluginDownloadUrl ?? string.Empty,
        };
        var response = await Monitor.InvokeAsync(request).ConfigureAwait(false);
        if (response.Failures.Count > 0)
        {
            throw new InvalidOperationException(
                $"Invoke of '{token}' failed: " + string.Join("; ", response.Failures.Select(f => $"{f.Reason} ({f.Property})")));
        }

        if (response.Unknown)
        {
            return OutputData<T>.Unknown(argsSecret, dependencies);
        }

        var result = PropertyValue.CreateObject(StructEncoding.FromStruct(response.Return));
        var data = Deserializer.ToOutputData(typeof(T), result, IsDryRun, dependencies, $"invoke '{token}'");
        return new OutputData<T>(data.Value is T typed ? typed : default!, data.IsKnown, data.IsSecret || argsSecret, dependencies);
    }
}
