namespace Infra.Engine.Projects;

/// <summary>
/// One broken rule in a project file, stack file or stack configuration: where (<see cref="Key"/>),
/// which rule, and the offending value. A secret value is never stored here.
/// </summary>
internal sealed record ValidationProblem
{
    /// <summary>Placeholder shown instead of a secret value.</summary>
    public const string SecretPlaceholder = "[secret]";

    /// <summary>The field or config key, e.g. <c>name</c>, <c>runtime.name</c> or <c>config.homelab:nodes.type</c>.</summary>
    public required string Key { get; init; }

    /// <summary>The rule that is broken, as a sentence fragment.</summary>
    public required string Rule { get; init; }

    /// <summary>The offending value as text; <see langword="null"/> when there is none to show.</summary>
    public string? Value { get; init; }

    /// <summary>Creates a problem whose value is secret: the text shows a placeholder instead.</summary>
    public static ValidationProblem ForSecret(string key, string rule) =>
        new() { Key = key, Rule = rule, Value = SecretPlaceholder };

    /// <summary>The problem as one line: <c>key: rule (was 'value')</c>.</summary>
    public override string ToString()
    {
        if (Value is null)
        {
            return $"{Key}: {Rule}";
        }

        return Value == SecretPlaceholder ? $"{Key}: {Rule} (was {SecretPlaceholder})" : $"{Key}: {Rule} (was '{Value}')";
    }
}
