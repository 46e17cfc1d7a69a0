namespace Infra.Testing;

/// <summary>Outputs registered by a component or the stack.</summary>
public sealed class MockRegisterResourceOutputsRequest
{
    /// <summary>The URN of the component or stack.</summary>
    public required string Urn { get; init; }

    /// <summary>The outputs as plain values (secrets unwrapped; unknown values are left out).</summary>
    public required IReadOnlyDictionary<string, object> Outputs { get; init; }
}
