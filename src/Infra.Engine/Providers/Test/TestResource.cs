using System.Collections.Immutable;
using Infra.Protocol.Values;

namespace Infra.Engine.Providers.Test;

/// <summary>A resource held in the memory of the <see cref="TestProvider"/>.</summary>
internal sealed record TestResource(
    string Id,
    string Urn,
    ImmutableSortedDictionary<string, PropertyValue> Inputs,
    ImmutableSortedDictionary<string, PropertyValue> Outputs);
