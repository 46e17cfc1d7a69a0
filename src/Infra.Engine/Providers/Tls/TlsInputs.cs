using System.Collections.Immutable;
using System.Globalization;
using Infra.Protocol.Values;

namespace Infra.Engine.Providers.Tls;

/// <summary>
/// Reads a resource's inputs (secrets unwrapped for use, never for messages) and collects one
/// <see cref="CheckFailure"/> per broken rule: the property, the rule and the offending value unless it is secret.
/// Unknown values (preview) are neither read nor judged.
/// </summary>
internal sealed class TlsInputs(ImmutableSortedDictionary<string, PropertyValue> inputs)
{
    private readonly List<CheckFailure> _failures = [];

    public ImmutableArray<CheckFailure> Failures => [.. _failures];

    public ImmutableSortedDictionary<string, PropertyValue> Values => inputs;

    /// <summary>Whether the value of <paramref name="key"/> is (or contains) an unknown.</summary>
    public bool IsUnknown(string key) => inputs.TryGetValue(key, out var value) && value.ContainsUnknowns;

    /// <summary>Whether <paramref name="key"/> is absent or null.</summary>
    public bool IsMissing(string key) => !inputs.TryGetValue(key, out var value) || value.WithoutSecrets().IsNull;

    public void Fail(string property, string reason) => _failures.Add(new CheckFailure(property, reason));

    /// <summary>A string input; null when missing, unknown or of the wrong kind (the last two reported when <paramref name="required"/> or wrong).</summary>
    public string? String(string key, bool required = false)
    {
        if (!Present(key, required, out var value, out _))
        {
            return null;
        }

        if (value.Kind != PropertyValueKind.String)
        {
            Fail(key, $"must be a string (was a {value.Kind.ToString().ToLowerInvariant()})");
            return null;
        }

        return value.StringValue;
    }

    /// <summary>A whole-number input at least <paramref name="minimum"/>; <paramref name="fallback"/> when missing.</summary>
    public long? Integer(string key, long minimum, long? fallback = null, bool required = false, long maximum = long.MaxValue)
    {
        if (!Present(key, required, out var value, out var secret))
        {
            return IsUnknown(key) ? null : fallback;
        }

        if (value.Kind != PropertyValueKind.Number || value.NumberValue != Math.Floor(value.NumberValue)
            || value.NumberValue < long.MinValue || value.NumberValue > long.MaxValue)
        {
            Fail(key, $"must be a whole number{Was(value, secret)}");
            return null;
        }

        var number = (long)value.NumberValue;
        if (number < minimum || number > maximum)
        {
            var rule = maximum == long.MaxValue
                ? $"must be at least {minimum}"
                : $"must be between {minimum} and {maximum}";
            Fail(key, $"{rule}{Was(value, secret)}");
            return null;
        }

        return number;
    }

    /// <summary>A bool input; <paramref name="fallback"/> when missing.</summary>
    public bool? Bool(string key, bool? fallback = null)
    {
        if (!Present(key, required: false, out var value, out var secret))
        {
            return IsUnknown(key) ? null : fallback;
        }

        if (value.Kind != PropertyValueKind.Bool)
        {
            Fail(key, $"must be true or false{Was(value, secret)}");
            return null;
        }

        return value.BoolValue;
    }

    /// <summary>A list of strings; empty when missing, null when unknown or invalid.</summary>
    public ImmutableArray<string>? StringList(string key, bool required = false)
    {
        if (!Present(key, required, out var value, out _))
        {
            return IsUnknown(key) ? null : [];
        }

        if (value.Kind != PropertyValueKind.Array)
        {
            Fail(key, $"must be a list of strings (was a {value.Kind.ToString().ToLowerInvariant()})");
            return null;
        }

        var items = ImmutableArray.CreateBuilder<string>();
        for (var i = 0; i < value.ArrayValue.Length; i++)
        {
            var item = value.ArrayValue[i];
            if (item.Kind != PropertyValueKind.String)
            {
                Fail($"{key}[{i}]", $"must be a string (was a {item.Kind.ToString().ToLowerInvariant()})");
                return null;
            }

            items.Add(item.StringValue);
        }

        return items.ToImmutable();
    }

    /// <summary>A nested object (e.g. <c>subject</c>); null when missing or unknown.</summary>
    public TlsInputs? Object(string key)
    {
        if (!Present(key, required: false, out var value, out _))
        {
            return null;
        }

        if (value.Kind != PropertyValueKind.Object)
        {
            Fail(key, $"must be an object (was a {value.Kind.ToString().ToLowerInvariant()})");
            return null;
        }

        return new TlsInputs(value.ObjectValue);
    }

    /// <summary>Adds the failures of a nested reader under <paramref name="prefix"/>.</summary>
    public void Absorb(string prefix, TlsInputs nested)
    {
        foreach (var failure in nested._failures)
        {
            Fail($"{prefix}.{failure.Property}", failure.Reason);
        }
    }

    /// <summary>Renders <c> (was …)</c> for a non-secret value, nothing for a secret one.</summary>
    public static string Was(PropertyValue value, bool secret) => secret ? string.Empty : value.Kind switch
    {
        PropertyValueKind.String => $" (was \"{value.StringValue}\")",
        PropertyValueKind.Number => $" (was {value.NumberValue.ToString("R", CultureInfo.InvariantCulture)})",
        PropertyValueKind.Bool => $" (was {(value.BoolValue ? "true" : "false")})",
        _ => $" (was a {value.Kind.ToString().ToLowerInvariant()})",
    };

    private bool Present(string key, bool required, out PropertyValue value, out bool secret)
    {
        value = PropertyValue.Null;
        secret = false;
        if (!inputs.TryGetValue(key, out var raw) || raw.ContainsUnknowns)
        {
            if (required && raw is null)
            {
                Fail(key, "is required");
            }

            return false;
        }

        secret = raw.ContainsSecrets;
        value = raw.WithoutSecrets();
        if (value.IsNull)
        {
            if (required)
            {
                Fail(key, "is required");
            }

            return false;
        }

        return true;
    }
}
