using System.Collections.Immutable;
using Infra.Engine.Providers;
using Infra.Engine.Secrets;
using Infra.Engine.State;
using Infra.Protocol;
using Infra.Protocol.Values;

namespace Infra.Engine.Deployments;

/// <summary>
/// Reads another stack's outputs (the root stack resource's outputs) from the same <see cref="LocalBackend"/>
/// for <c>pulumi:pulumi:StackReference</c>. A bare name means a stack of the current project;
/// <c>&lt;project&gt;/&lt;stack&gt;</c> and <c>organization/&lt;project&gt;/&lt;stack&gt;</c> name any project's stack.
/// Secrets are decrypted with the current stack's crypter (stacks sharing a passphrase).
/// </summary>
internal sealed class BackendStackReferenceReader(LocalBackend backend, string project, ISecretsCrypter? crypter) : IStackReferenceReader
{
    /// <inheritdoc/>
    public async Task<ImmutableSortedDictionary<string, PropertyValue>?> ReadOutputsAsync(string stackName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(stackName);
        var stack = stackName.Contains('/', StringComparison.Ordinal) ? StackReference.Parse(stackName) : new StackReference(project, stackName);
        if (!await backend.StackExistsAsync(stack, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var snapshot = await backend.LoadAsync(stack, crypter, cancellationToken).ConfigureAwait(false);
        var root = snapshot?.Resources.FirstOrDefault(r => r.Type == WireConstants.StackType && !r.Delete);
        return root is null ? PropertyMaps.Empty : PropertyMaps.Ordinal(root.Outputs);
    }
}
