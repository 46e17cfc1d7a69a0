using Google.Protobuf.WellKnownTypes;
using Infra.Protocol;

namespace Infra.Conformance.Tests.Fakes;

/// <summary>
/// Checks a property <c>Struct</c> against pulumi-protocol.md §5: no unset values, finite numbers, no
/// null object members, well-formed special objects gated on the probed features. Secret contents are
/// never shown in messages.
/// </summary>
internal sealed class PropertyValidator(ProblemCollector problems, PropertyRules rules, Func<string, bool> isRegistered)
{
    private const string ByteStringSignature = "803fd3297a5875dc03ca845dda5d2a98";

    private static readonly HashSet<string> SecretKeys = [WireConstants.SignatureKey, "value"];
    private static readonly HashSet<string> AssetKeys = [WireConstants.SignatureKey, "text", "path", "uri", "hash"];
    private static readonly HashSet<string> ArchiveKeys = [WireConstants.SignatureKey, "assets", "path", "uri", "hash"];
    private static readonly HashSet<string> ReferenceKeys = [WireConstants.SignatureKey, "urn", "id", "packageVersion", "name", "type"];
    private static readonly HashSet<string> OutputKeys = [WireConstants.SignatureKey, "value", "secret", "dependencies"];

    private string _topLevelKey = "";

    /// <summary>URNs referenced (by resource references or output-value dependencies) under each top-level key.</summary>
    public Dictionary<string, List<string>> ReferencedUrns { get; } = new(StringComparer.Ordinal);

    /// <summary>Validates a whole top-level property map.</summary>
    /// <param name="value">The Struct (null counts as empty).</param>
    /// <param name="field">The request field name, e.g. <c>object</c>.</param>
    public void ValidateTopLevel(Struct? value, string field)
    {
        if (value is null)
        {
            return;
        }

        foreach (var (key, member) in value.Fields.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            _topLevelKey = key;
            CheckMember(member, $"{field}.{key}");
        }
    }

    private void CheckMember(Value value, string path)
    {
        if (value.KindCase == Value.KindOneofCase.NullValue)
        {
            problems.Add(path, "null-valued object members must be omitted (nulls are kept only inside lists)", "null");
            return;
        }

        Check(value, path, secretDepth: 0);
    }

    private void Check(Value value, string path, int secretDepth)
    {
        switch (value.KindCase)
        {
            case Value.KindOneofCase.None:
                problems.Reject(path, "must be a google.protobuf.Value with its kind set", "<unset>");
                break;
            case Value.KindOneofCase.NumberValue:
                if (!double.IsFinite(value.NumberValue))
                {
                    problems.Add(path, "numbers must be finite (NaN and infinity have no JSON form)", secretDepth > 0 ? "[secret]" : value.NumberValue.ToString(System.Globalization.CultureInfo.InvariantCulture));
                }

                break;
            case Value.KindOneofCase.StringValue:
                if (rules.UnknownsRule is { } rule && WireConstants.IsUnknownSentinel(value.StringValue))
                {
                    problems.Add(path, rule, ProblemCollector.Show(value.StringValue));
                }

                break;
            case Value.KindOneofCase.ListValue:
                for (var i = 0; i < value.ListValue.Values.Count; i++)
                {
                    Check(value.ListValue.Values[i], $"{path}[{i}]", secretDepth);
                }

                break;
            case Value.KindOneofCase.StructValue:
                CheckObject(value.StructValue, path, secretDepth);
                break;
        }
    }

    private void CheckObject(Struct value, string path, int secretDepth)
    {
        if (!value.Fields.TryGetValue(WireConstants.SignatureKey, out var signature))
        {
            foreach (var (key, member) in value.Fields.OrderBy(f => f.Key, StringComparer.Ordinal))
            {
                if (member.KindCase == Value.KindOneofCase.NullValue)
                {
                    problems.Add($"{path}.{key}", "null-valued object members must be omitted (nulls are kept only inside lists)", "null");
                    continue;
                }

                Check(member, $"{path}.{key}", secretDepth);
            }

            return;
        }

        if (signature.KindCase != Value.KindOneofCase.StringValue)
        {
            problems.Reject(path, "the signature key's value must be a string", signature.KindCase.ToString());
            return;
        }

        switch (signature.StringValue)
        {
            case WireConstants.SecretSignature:
                CheckKeys(value, path, SecretKeys, "secret");
                if (!value.Fields.TryGetValue("value", out var inner))
                {
                    problems.Reject(path, "a secret must carry 'value'", KeysOf(value));
                }
                else
                {
                    Check(inner, $"{path}.value", secretDepth + 1);
                }

                break;
            case WireConstants.AssetSignature:
                CheckKeys(value, path, AssetKeys, "asset");
                CheckExactlyOne(value, path, "asset", "text", "path", "uri");
                CheckStrings(value, path, "text", "path", "uri", "hash");
                break;
            case WireConstants.ArchiveSignature:
                CheckKeys(value, path, ArchiveKeys, "archive");
                CheckExactlyOne(value, path, "archive", "assets", "path", "uri");
                CheckStrings(value, path, "path", "uri", "hash");
                CheckArchiveAssets(value, path);
                break;
            case WireConstants.ResourceReferenceSignature:
                CheckResourceReference(value, path);
                break;
            case WireConstants.OutputValueSignature:
                CheckOutputValue(value, path, secretDepth);
                break;
            case ByteStringSignature:
                problems.Add(path, "byte strings need the BYTE_STRING feature, which the SDK must not opt into", "byte string");
                break;
            default:
                problems.Reject(path, "unknown special-object signature", ProblemCollector.Show(signature.StringValue));
                break;
        }
    }

    private void CheckArchiveAssets(Struct value, string path)
    {
        if (!value.Fields.TryGetValue("assets", out var assets))
        {
            return;
        }

        if (assets.KindCase != Value.KindOneofCase.StructValue)
        {
            problems.Reject($"{path}.assets", "must be an object of named assets and archives", assets.KindCase.ToString());
            return;
        }

        foreach (var (name, member) in assets.StructValue.Fields.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            var memberPath = $"{path}.assets.{name}";
            var signature = member.KindCase == Value.KindOneofCase.StructValue
                && member.StructValue.Fields.TryGetValue(WireConstants.SignatureKey, out var s) ? s.StringValue : null;
            if (signature is not (WireConstants.AssetSignature or WireConstants.ArchiveSignature))
            {
                problems.Reject(memberPath, "each archive member must be an asset or an archive", member.KindCase.ToString());
                continue;
            }

            Check(member, memberPath, 0);
        }
    }

    private void CheckResourceReference(Struct value, string path)
    {
        if (!rules.ResourceReferences)
        {
            problems.Add(path, "resource references need SupportsFeature('resourceReferences') probed true; send the ID or URN string instead", "resource reference");
        }

        CheckKeys(value, path, ReferenceKeys, "resource reference");
        CheckStrings(value, path, "urn", "id", "packageVersion", "name", "type");
        if (!value.Fields.TryGetValue("urn", out var urnValue) || urnValue.KindCase != Value.KindOneofCase.StringValue)
        {
            problems.Reject(path, "a resource reference must carry 'urn'", KeysOf(value));
            return;
        }

        var urn = urnValue.StringValue;
        if (!UrnRules.IsValid(urn))
        {
            problems.Reject($"{path}.urn", "must be a strictly valid URN", ProblemCollector.Show(urn));
        }
        else if (!isRegistered(urn))
        {
            problems.Add($"{path}.urn", "must be the URN of an already registered resource", ProblemCollector.Show(urn));
        }

        if (value.Fields.TryGetValue("packageVersion", out var version) && version.StringValue.Length > 0
            && !WireFormatRules.IsStrictSemver(version.StringValue))
        {
            problems.Add($"{path}.packageVersion", "must be strict semver without a leading 'v'", ProblemCollector.Show(version.StringValue));
        }

        AddReference(urn);
    }

    private void CheckOutputValue(Struct value, string path, int secretDepth)
    {
        if (!rules.OutputValues)
        {
            problems.Add(path, rules.OutputValuesRule, "output value");
        }

        CheckKeys(value, path, OutputKeys, "output value");
        if (value.Fields.TryGetValue("value", out var inner))
        {
            Check(inner, $"{path}.value", secretDepth);
        }

        if (value.Fields.TryGetValue("secret", out var secret) && secret.KindCase != Value.KindOneofCase.BoolValue)
        {
            problems.Reject($"{path}.secret", "must be a bool", secret.KindCase.ToString());
        }

        if (!value.Fields.TryGetValue("dependencies", out var dependencies))
        {
            return;
        }

        if (dependencies.KindCase != Value.KindOneofCase.ListValue)
        {
            problems.Reject($"{path}.dependencies", "must be a list of URN strings", dependencies.KindCase.ToString());
            return;
        }

        for (var i = 0; i < dependencies.ListValue.Values.Count; i++)
        {
            var urn = dependencies.ListValue.Values[i].StringValue;
            if (!UrnRules.IsValid(urn))
            {
                problems.Reject($"{path}.dependencies[{i}]", "must be a strictly valid URN", ProblemCollector.Show(urn));
            }
            else if (!isRegistered(urn))
            {
                problems.Add($"{path}.dependencies[{i}]", "must be the URN of an already registered resource", ProblemCollector.Show(urn));
            }

            AddReference(urn);
        }
    }

    private void AddReference(string urn)
    {
        if (!ReferencedUrns.TryGetValue(_topLevelKey, out var list))
        {
            list = [];
            ReferencedUrns[_topLevelKey] = list;
        }

        if (!list.Contains(urn))
        {
            list.Add(urn);
        }
    }

    private void CheckKeys(Struct value, string path, HashSet<string> allowed, string kind)
    {
        foreach (var key in value.Fields.Keys.Where(k => !allowed.Contains(k)).Order(StringComparer.Ordinal))
        {
            problems.Add($"{path}.{key}", $"is not a key of a {kind} object", ProblemCollector.Show(key));
        }
    }

    private void CheckExactlyOne(Struct value, string path, string kind, params string[] keys)
    {
        var present = keys.Where(value.Fields.ContainsKey).ToList();
        if (present.Count != 1)
        {
            problems.Reject(path, $"an {kind} must carry exactly one of {string.Join(", ", keys.Select(k => $"'{k}'"))}", present.Count == 0 ? "none" : string.Join(", ", present));
        }
    }

    private void CheckStrings(Struct value, string path, params string[] keys)
    {
        foreach (var key in keys)
        {
            if (value.Fields.TryGetValue(key, out var member) && member.KindCase != Value.KindOneofCase.StringValue)
            {
                problems.Reject($"{path}.{key}", "must be a string", member.KindCase.ToString());
            }
        }
    }

    private static string KeysOf(Struct value) =>
        "keys " + string.Join(", ", value.Fields.Keys.Where(k => k != WireConstants.SignatureKey).Order(StringComparer.Ordinal).Select(k => $"'{k}'"));
}
