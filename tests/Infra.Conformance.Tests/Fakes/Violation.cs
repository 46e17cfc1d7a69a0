namespace Infra.Conformance.Tests.Fakes;

/// <summary>One way a request broke the protocol, as the strict engine saw it.</summary>
/// <param name="Rpc">The RPC, e.g. <c>RegisterResource</c>.</param>
/// <param name="Resource">Which resource or subject: <c>type::name</c>, a URN, a token or <c>-</c>.</param>
/// <param name="Field">The request field (with a property path where relevant), e.g. <c>object.tags.env</c>.</param>
/// <param name="Rule">The rule that was broken.</param>
/// <param name="Value">The offending value as shown to people (strings quoted; secret contents never shown).</param>
public sealed record Violation(string Rpc, string Resource, string Field, string Rule, string Value)
{
    /// <summary>The whole violation as one line: <c>Rpc [resource] field: rule (was value)</c>.</summary>
    public string Message => $"{Rpc} [{Resource}] {Field}: {Rule} (was {Value})";

    /// <inheritdoc/>
    public override string ToString() => Message;
}
