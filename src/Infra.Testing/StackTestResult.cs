using System.Collections.Immutable;
using Infra.Protocol.Values;

namespace Infra.Testing;

/// <summary>What a test run produced: every resource, what was sent for it, the stack outputs and the logs.</summary>
public sealed class StackTestResult
{
    internal StackTestResult(
        ImmutableArray<Resource> resources,
        ImmutableArray<ResourceRegistration> registrations,
        ImmutableSortedDictionary<string, PropertyValue> stackOutputs,
        ImmutableArray<TestLogEntry> logs,
        ImmutableArray<Exception> errors,
        int exitCode)
    {
        Resources = resources;
        Registrations = registrations;
        StackOutputs = stackOutputs;
        Logs = logs;
        Errors = errors;
        ExitCode = exitCode;
    }

    /// <summary>Every resource the program created, the stack included, in registration order.</summary>
    public ImmutableArray<Resource> Resources { get; }

    /// <summary>What was sent for each resource (stack included), in arrival order.</summary>
    public ImmutableArray<ResourceRegistration> Registrations { get; }

    /// <summary>The stack outputs as sent: secrets and unknowns kept.</summary>
    public ImmutableSortedDictionary<string, PropertyValue> StackOutputs { get; }

    /// <summary>Diagnostics the program logged.</summary>
    public ImmutableArray<TestLogEntry> Logs { get; }

    /// <summary>Errors of the run (empty on success).</summary>
    public ImmutableArray<Exception> Errors { get; }

    /// <summary>The exit code the program would have returned (0, 1 or 32).</summary>
    public int ExitCode { get; }

    /// <summary>The registration of a resource.</summary>
    /// <param name="resource">The resource.</param>
    public ResourceRegistration RegistrationOf(Resource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return Registrations.SingleOrDefault(r => r.Urn == resource.ComputedUrn)
            ?? throw new InvalidOperationException($"{resource} was never registered with the engine.");
    }

    /// <summary>The registration of the resource with this type and name.</summary>
    /// <param name="type">The type token.</param>
    /// <param name="name">The logical name.</param>
    public ResourceRegistration RegistrationOf(string type, string name) =>
        Registrations.SingleOrDefault(r => r.Type == type && r.Name == name)
        ?? throw new InvalidOperationException(
            $"No {type} named '{name}' was registered. Registered: {string.Join(", ", Registrations.Select(r => $"{r.Type} '{r.Name}'"))}.");
}
