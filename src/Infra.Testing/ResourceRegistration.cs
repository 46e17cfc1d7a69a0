using System.Collections.Immutable;
using Infra.Protocol.Values;

namespace Infra.Testing;

/// <summary>Everything the program sent for one resource, and what the mocks answered.</summary>
public sealed record ResourceRegistration
{
    /// <summary>The type token.</summary>
    public required string Type { get; init; }

    /// <summary>The logical name.</summary>
    public required string Name { get; init; }

    /// <summary>The URN.</summary>
    public required string Urn { get; init; }

    /// <summary>The parent URN (empty for the stack).</summary>
    public required string Parent { get; init; }

    /// <summary>True for provider-managed resources.</summary>
    public required bool Custom { get; init; }

    /// <summary>True when the resource was read (<c>Get</c>/StackReference) rather than managed.</summary>
    public bool IsRead { get; init; }

    /// <summary>The ID the mock returned (or the read ID).</summary>
    public string? Id { get; init; }

    /// <summary>The inputs exactly as sent: secrets and unknowns are kept as such.</summary>
    public required ImmutableSortedDictionary<string, PropertyValue> Inputs { get; init; }

    /// <summary>The outputs the mock returned.</summary>
    public required ImmutableSortedDictionary<string, PropertyValue> Outputs { get; init; }

    /// <summary>The URNs the resource depends on.</summary>
    public required ImmutableArray<string> Dependencies { get; init; }

    /// <summary>Per input, the URNs it depends on.</summary>
    public required ImmutableSortedDictionary<string, ImmutableArray<string>> PropertyDependencies { get; init; }

    /// <summary>The explicit provider reference, or empty.</summary>
    public string Provider { get; init; } = string.Empty;

    /// <summary>The options as sent.</summary>
    public required RegistrationOptions Options { get; init; }

    /// <summary>The inputs as plain values (secrets unwrapped, unknowns left out).</summary>
    public IReadOnlyDictionary<string, object> PlainInputs => MockMonitor.ToPlain(Inputs);
}
