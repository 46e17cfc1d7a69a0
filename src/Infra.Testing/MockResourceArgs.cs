namespace Infra.Testing;

/// <summary>A resource registration as a mock sees it.</summary>
public sealed class MockResourceArgs
{
    /// <summary>The type token.</summary>
    public required string Type { get; init; }

    /// <summary>The logical name.</summary>
    public required string Name { get; init; }

    /// <summary>The inputs as plain values (secrets unwrapped); unknown and null values are left out.</summary>
    public required IReadOnlyDictionary<string, object> Inputs { get; init; }

    /// <summary>The provider reference (<c>urn::id</c>), or empty for the default provider.</summary>
    public string Provider { get; init; } = string.Empty;

    /// <summary>The import ID of a registration, or the requested ID of a read.</summary>
    public string? Id { get; init; }

    /// <summary>True for provider-managed resources.</summary>
    public bool Custom { get; init; }

    /// <summary>The URN the resource gets.</summary>
    public required string Urn { get; init; }
}
