namespace Infra.Testing;

/// <summary>A provider function call as a mock sees it.</summary>
public sealed class MockCallArgs
{
    /// <summary>The function token.</summary>
    public required string Token { get; init; }

    /// <summary>The arguments as plain values.</summary>
    public required IReadOnlyDictionary<string, object> Args { get; init; }

    /// <summary>The provider reference, or empty.</summary>
    public string Provider { get; init; } = string.Empty;
}
