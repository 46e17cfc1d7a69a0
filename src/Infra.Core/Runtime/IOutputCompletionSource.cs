using System.Collections.Immutable;
using Infra.Protocol.Values;

namespace Infra.Runtime;

/// <summary>Untyped access to a pending output.</summary>
internal interface IOutputCompletionSource
{
    object Output { get; }

    void Resolve(PropertyValue? value, bool isPreview, ImmutableHashSet<Resource> resources, string context);

    void SetUnknown(ImmutableHashSet<Resource> resources);

    void SetException(Exception exception);
}
