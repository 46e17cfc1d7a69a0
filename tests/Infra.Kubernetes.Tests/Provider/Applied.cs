using System.Collections.Immutable;
using Infra.Engine.Providers.Kubernetes;
using Infra.Protocol.Values;

namespace Infra.Kubernetes.Tests.Provider;

/// <summary>A created object as the engine would record it.</summary>
internal sealed record Applied(string Urn, string Id, ImmutableSortedDictionary<string, PropertyValue> Inputs, ImmutableSortedDictionary<string, PropertyValue> Outputs)
{
    public string? Output(string path) => KubernetesJson.AsString(KubernetesJson.At(Outputs, path));
}
