using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Infra.ProxmoxVE;

/// <summary>
/// Collects the problems of known input values (values that are outputs of other resources are skipped:
/// the provider checks them at preview). Reads a value only when it is already resolved, never blocking.
/// </summary>
internal sealed class ArgsProblems
{
    private readonly List<string> _problems = [];

    public IReadOnlyList<string> Problems => _problems;

    /// <summary>Returns the value of an input that is already known (a plain value), without waiting.</summary>
    public static bool TryGet<T>(Input<T>? input, [MaybeNullWhen(false)] out T value)
    {
        value = default;
        if (input is null)
        {
            return false;
        }

        var known = false;
        T? captured = default;

        // Apply runs its callback synchronously when the value is already resolved and known.
        _ = input.ToOutput().Apply(v =>
        {
            captured = v;
            known = true;
            return 0;
        });
        value = captured!;
        return known && captured is not null;
    }

    /// <summary>The items of a list whose content is already known (empty otherwise).</summary>
    public static ImmutableArray<T> Items<T>(InputList<T>? list) =>
        TryGet<ImmutableArray<T>>(list, out var items) && !items.IsDefault ? items : [];

    public void Add(string path, string rule, object? value) => _problems.Add($"{path}: {rule} (was {Format(value)})");

    public void AddSecret(string path, string rule) => _problems.Add($"{path}: {rule} (the value is secret and not shown)");

    public void CheckRange(string path, Input<int>? input, int min, int max)
    {
        if (TryGet(input, out var value) && (value < min || value > max))
        {
            Add(path, $"must be between {min} and {max}", value);
        }
    }

    public void CheckMin(string path, Input<int>? input, int min)
    {
        if (TryGet(input, out var value) && value < min)
        {
            Add(path, $"must be at least {min}", value);
        }
    }

    public void CheckNotEmpty(string path, Input<string>? input)
    {
        if (TryGet(input, out var value) && string.IsNullOrWhiteSpace(value))
        {
            Add(path, "must not be empty", value);
        }
    }

    public void CheckRule(string path, Input<string>? input, Func<string, bool> isValid, string rule)
    {
        if (TryGet(input, out var value) && !isValid(value))
        {
            Add(path, rule, value);
        }
    }

    public void CheckOneOf(string path, Input<string>? input, params string[] allowed)
    {
        if (TryGet(input, out var value) && !allowed.Contains(value, StringComparer.Ordinal))
        {
            Add(path, "must be one of " + string.Join(", ", allowed), value);
        }
    }

    public void ThrowIfAny(string typeToken, string resourceName)
    {
        if (_problems.Count > 0)
        {
            throw new ProxmoxVEValidationException(typeToken, resourceName, [.. _problems]);
        }
    }

    private static string Format(object? value) => value switch
    {
        null => "null",
        string text => "'" + text + "'",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
