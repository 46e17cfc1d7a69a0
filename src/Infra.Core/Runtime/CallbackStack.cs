using System.Collections.Immutable;

namespace Infra.Runtime;

/// <summary>The stack behind the function forms of <see cref="Deployment.RunAsync(Func{Task})"/>.</summary>
internal sealed class CallbackStack : Stack
{
    public ImmutableDictionary<string, object?> Outputs { get; set; } = ImmutableDictionary<string, object?>.Empty;
}
