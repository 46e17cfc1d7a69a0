using System.Collections.Immutable;
using System.Globalization;

namespace Infra.Engine.Providers.ProxmoxVE;

/// <summary>Collects Check failures as <c>path: rule (was value)</c>; secret values are never shown.</summary>
internal sealed class FailureList
{
    private readonly ImmutableArray<CheckFailure>.Builder _failures = ImmutableArray.CreateBuilder<CheckFailure>();

    public int Count => _failures.Count;

    public void Add(string property, string rule, object? value) =>
        _failures.Add(new CheckFailure(property, $"{rule} (was {Format(value)})"));

    public void AddRule(string property, string reason) => _failures.Add(new CheckFailure(property, reason));

    public void AddRange(IEnumerable<CheckFailure> failures) => _failures.AddRange(failures);

    public void Range(string property, int? value, int min, int max)
    {
        if (value is { } v && (v < min || v > max))
        {
            Add(property, $"must be between {min} and {max}", v);
        }
    }

    public void Min(string property, int? value, int min)
    {
        if (value is { } v && v < min)
        {
            Add(property, $"must be at least {min}", v);
        }
    }

    public void OneOf(string property, string? value, params string[] allowed)
    {
        if (value is not null && !allowed.Contains(value, StringComparer.Ordinal))
        {
            Add(property, "must be one of " + string.Join(", ", allowed), value);
        }
    }

    public void Rule(string property, string? value, Func<string, bool> isValid, string rule)
    {
        if (value is not null && !isValid(value))
        {
            Add(property, rule, value);
        }
    }

    public ImmutableArray<CheckFailure> ToImmutable() => _failures.ToImmutable();

    private static string Format(object? value) => value switch
    {
        null => "nothing",
        string text => "'" + text + "'",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
