using System.Runtime.CompilerServices;
using Infra.Engine.Secrets;

namespace Infra.Engine.State;

/// <summary>
/// Remembers the compact checkpoint JSON of each <see cref="ResourceState"/> instance per crypter, so a save
/// after a step re-serializes only the resources that step changed (states are immutable: a change makes a new
/// instance). Only encrypted output is cached: with <see cref="StatePropertyCodec.ShowSecrets"/> or an indented
/// or HTML-escaping writer the resource is written afresh. Entries are held weakly by resource and crypter.
/// </summary>
internal static class ResourceJsonCache
{
    private static readonly ConditionalWeakTable<ResourceState, byte[]> Unencrypted = new();
    private static readonly ConditionalWeakTable<ISecretsCrypter, ConditionalWeakTable<ResourceState, byte[]>> ByCrypter = new();

    /// <summary>Writes <paramref name="resource"/> as <see cref="DeploymentJson.WriteResource"/> does, from the cache when possible.</summary>
    public static void WriteResource(StateJsonWriter writer, ResourceState resource, StatePropertyCodec codec)
    {
        if (!writer.IsCompactUnescaped || codec.ShowSecrets)
        {
            DeploymentJson.WriteResource(writer, resource, codec);
            return;
        }

        var table = codec.Crypter is { } crypter
            ? ByCrypter.GetValue(crypter, static _ => new ConditionalWeakTable<ResourceState, byte[]>())
            : Unencrypted;
        if (!table.TryGetValue(resource, out var json))
        {
            using var fresh = new StateJsonWriter();
            DeploymentJson.WriteResource(fresh, resource, codec);
            json = fresh.ToArray();
            table.AddOrUpdate(resource, json);
        }

        writer.WriteRawValue(json);
    }
}
