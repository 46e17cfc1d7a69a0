using k8s.Models;

namespace Infra.Kubernetes.Core.V1;

/// <summary>Inputs of <see cref="Secret"/>. <see cref="Data"/> and <see cref="StringData"/> are always sent as secrets.</summary>
public sealed class SecretArgs : ResourceArgs
{
    /// <summary>Standard object metadata. Leave <c>Name</c> unset to let the provider choose a unique name (autonaming).</summary>
    public Input<V1ObjectMeta>? Metadata { get; init; }

    /// <summary>Entries with base64-encoded values. Keys are letters, digits, '-', '_' and '.'.</summary>
    public InputMap<string>? Data { get; init; }

    /// <summary>Entries with plain-text values; the API server merges them into <c>data</c>.</summary>
    public InputMap<string>? StringData { get; init; }

    /// <summary>The secret type, e.g. <c>kubernetes.io/tls</c>. The API server's default is <c>Opaque</c>; changing it replaces the Secret.</summary>
    public Input<string>? Type { get; init; }

    /// <summary>When true the data can never change (the object must be replaced instead).</summary>
    public Input<bool>? Immutable { get; init; }
}
