namespace Infra.Conformance.Tests.Fakes;

/// <summary>What a property Struct may contain in one request.</summary>
/// <param name="ResourceReferences">Whether resource references are allowed (the program probed <c>resourceReferences</c> = true).</param>
/// <param name="OutputValues">Whether output values are allowed (remote registration and <c>outputValues</c> probed true).</param>
/// <param name="OutputValuesRule">The rule to cite when an output value is not allowed.</param>
/// <param name="UnknownsRule">When non-null, unknown sentinels are forbidden and this is the rule to cite.</param>
internal sealed record PropertyRules(bool ResourceReferences, bool OutputValues, string OutputValuesRule, string? UnknownsRule = null);
