using System.Collections.Immutable;
using Infra.Protocol.Values;

namespace Infra.Engine.Providers;

/// <summary>
/// Reads the outputs of another stack for <c>pulumi:pulumi:StackReference</c> (served by <see cref="PulumiProvider"/>).
/// The state store implements it over its backend; secret outputs come back wrapped as secrets.
/// </summary>
internal interface IStackReferenceReader
{
    /// <summary>The outputs of stack <paramref name="stackName"/>, or null when no such stack exists.</summary>
    Task<ImmutableSortedDictionary<string, PropertyValue>?> ReadOutputsAsync(string stackName, CancellationToken cancellationToken = default);
}
