namespace Infra.Engine.State;

/// <summary>One broken integrity rule: the resource it concerns (null for the manifest), a short rule id and the message.</summary>
/// <param name="Urn">The URN of the offending resource, or null for deployment-level rules.</param>
/// <param name="Rule">A stable rule id such as <c>parent-order</c> or <c>magic-cookie</c>.</param>
/// <param name="Message">What is wrong, naming the field and the offending value.</param>
internal sealed record IntegrityViolation(string? Urn, string Rule, string Message)
{
    /// <summary><c>&lt;urn&gt;: &lt;message&gt; [&lt;rule&gt;]</c> (or <c>manifest: ...</c>).</summary>
    public override string ToString() => $"{Urn ?? "manifest"}: {Message} [{Rule}]";
}
