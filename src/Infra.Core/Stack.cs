namespace Infra;

/// <summary>
/// The root of a program: derive from it, create resources in the constructor and expose stack
/// outputs as <c>[Output] public Output&lt;T&gt; Name { get; set; }</c> properties. Run it with
/// <see cref="Deployment.RunAsync{TStack}"/>.
/// </summary>
public class Stack : ComponentResource
{
    /// <summary>Registers the root stack resource (<c>pulumi:pulumi:Stack</c>, named <c>&lt;project&gt;-&lt;stack&gt;</c>).</summary>
    /// <param name="options">The options (providers for the whole program).</param>
    protected Stack(ComponentResourceOptions? options = null)
        : base(Protocol.WireConstants.StackType, Deployment.Current.StackResourceName, options ?? new ComponentResourceOptions())
    {
    }
}
