using System.Collections.Immutable;
using Infra.Protocol.Values;

namespace Infra.Serialization;

/// <summary>One serialized input property and the resources it depends on.</summary>
internal sealed record SerializedProperty(PropertyValue Value, ImmutableArray<Resource> Dependencies);
