using k8s.Models;

namespace Infra.Kubernetes.Core.V1;

/// <summary>Inputs of <see cref="ConfigMap"/>. Values may come from other resources' outputs.</summary>
public sealed class ConfigMapArgs : ResourceArgs
{
    /// <summary>Standard object metadata. Leave <c>Name</c> unset to let the provider choose a unique name (autonaming).</summary>
    public Input<V1ObjectMeta>? Metadata { get; init; }

    /// <summary>Text entries. Keys are letters, digits, '-', '_' and '.'.</summary>
    public InputMap<string>? Data { get; init; }

    /// <summary>Binary entries, each value base64-encoded. A key must not also be in <see cref="Data"/>.</summary>
    public InputMap<string>? BinaryData { get; init; }

    /// <summary>When true the data can never change (the object must be replaced instead).</summary>
    public Input<bool>? Immutable { get; init; }
}
