using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Infra.Protocol.Values;

namespace Infra.Engine.Providers.Command;

/// <summary>
/// Check of the command provider's inputs: every rule on known values, each failure naming the property, the rule
/// and the offending value (never a secret one). Unknown values (preview) are not judged. The checked inputs keep
/// what the program sent, except that <c>connection</c> is always wrapped as a secret (so secret/non-secret churn
/// can never cause a diff) and a <c>source</c> asset or archive on disk gets its content hash (so a content change
/// is an update).
/// </summary>
internal static partial class CommandChecker
{
    private static readonly string[] LoggingValues = ["stdout", "stderr", "stdoutAndStderr", "none"];

    /// <summary>Checks <c>command:local:Command</c> (and, with <paramref name="requireCommand"/>, <c>command:local:run</c>).</summary>
    public static CheckResult CheckLocal(ImmutableSortedDictionary<string, PropertyValue> news, bool requireCommand = false)
    {
        var failures = new List<CheckFailure>();
        if (requireCommand)
        {
            RequireString(news, "command", failures, allowEmpty: false);
        }

        CheckCommon(news, failures);
        if (Known(news, "interpreter") is { } interpreter)
        {
            if (interpreter.Kind != PropertyValueKind.Array || interpreter.ArrayValue.Any(v => CommandValues.Plain(v).Kind is not (PropertyValueKind.String or PropertyValueKind.Unknown)))
            {
                failures.Add(new("interpreter", $"must be a list of strings (was {CommandValues.Describe(interpreter)})"));
            }
            else if (interpreter.ArrayValue.IsEmpty)
            {
                failures.Add(new("interpreter", "must name at least the program to run, e.g. [\"/bin/sh\", \"-c\"] (was [])"));
            }
        }

        CheckOptionalString(news, "dir", failures);
        CheckStringList(news, "assetPaths", failures);
        CheckStringList(news, "archivePaths", failures);
        CheckEnvironment(news, failures, shellNames: false);
        return new CheckResult { Inputs = PropertyMaps.Ordinal(news), Failures = [.. failures] };
    }

    /// <summary>
    /// Checks <c>command:remote:Command</c>; <paramref name="environmentHasAgent"/> tells whether the engine's
    /// environment names an ssh-agent socket (SSH_AUTH_SOCK), which a connection without key or password may use.
    /// </summary>
    public static CheckResult CheckRemote(ImmutableSortedDictionary<string, PropertyValue> news, bool environmentHasAgent)
    {
        var failures = new List<CheckFailure>();
        CheckCommon(news, failures);
        CheckEnvironment(news, failures, shellNames: true);
        var inputs = CheckConnectionInput(news, environmentHasAgent, failures);
        return new CheckResult { Inputs = inputs, Failures = [.. failures] };
    }

    /// <summary>Checks <c>command:remote:CopyToRemote</c> (see <see cref="CheckRemote"/> for <paramref name="environmentHasAgent"/>).</summary>
    public static CheckResult CheckCopy(ImmutableSortedDictionary<string, PropertyValue> news, bool environmentHasAgent)
    {
        var failures = new List<CheckFailure>();
        var inputs = CheckConnectionInput(news, environmentHasAgent, failures);
        RequireString(news, "remotePath", failures, allowEmpty: false);
        CheckTriggers(news, failures);
        if (!news.TryGetValue("source", out var source) || CommandValues.Plain(source).IsNull)
        {
            failures.Add(new("source", "is required: an asset or archive to copy (was missing)"));
        }
        else if (CommandValues.Plain(source) is { Kind: not PropertyValueKind.Unknown } plain)
        {
            if (plain.Kind is not (PropertyValueKind.Asset or PropertyValueKind.Archive))
            {
                failures.Add(new("source", $"must be an asset or archive (was {CommandValues.Describe(plain)})"));
            }
            else if (CopySource.Check(plain, out var hashed) is { } problem)
            {
                failures.Add(new("source", problem));
            }
            else
            {
                inputs = inputs.SetItem("source", source.Kind == PropertyValueKind.Secret ? PropertyValue.CreateSecret(hashed) : hashed);
            }
        }

        return new CheckResult { Inputs = inputs, Failures = [.. failures] };
    }

    private static void CheckCommon(ImmutableSortedDictionary<string, PropertyValue> news, List<CheckFailure> failures)
    {
        foreach (var key in new[] { "create", "update", "delete", "stdin" })
        {
            CheckOptionalString(news, key, failures);
        }

        if (Known(news, "logging") is { } logging
            && (logging.Kind != PropertyValueKind.String || !LoggingValues.Contains(logging.StringValue, StringComparer.Ordinal)))
        {
            failures.Add(new("logging", $"must be one of stdout, stderr, stdoutAndStderr, none (was {CommandValues.Describe(logging)})"));
        }

        if (Known(news, "addPreviousOutputInEnv") is { Kind: not PropertyValueKind.Bool } flag)
        {
            failures.Add(new("addPreviousOutputInEnv", $"must be a bool (was {CommandValues.Describe(flag)})"));
        }

        CheckTriggers(news, failures);
    }

    private static void CheckTriggers(ImmutableSortedDictionary<string, PropertyValue> news, List<CheckFailure> failures)
    {
        if (Known(news, "triggers") is { Kind: not PropertyValueKind.Array } triggers)
        {
            failures.Add(new("triggers", $"must be a list (was {CommandValues.Describe(triggers)})"));
        }
    }

    private static void CheckEnvironment(ImmutableSortedDictionary<string, PropertyValue> news, List<CheckFailure> failures, bool shellNames)
    {
        if (Known(news, "environment") is not { } environment)
        {
            return;
        }

        if (environment.Kind != PropertyValueKind.Object)
        {
            failures.Add(new("environment", $"must be a map of strings (was {CommandValues.Describe(environment)})"));
            return;
        }

        foreach (var (name, value) in environment.ObjectValue)
        {
            var plain = CommandValues.Plain(value);
            if (plain.Kind is not (PropertyValueKind.String or PropertyValueKind.Unknown))
            {
                // The value may be secret: describe only its kind.
                failures.Add(new($"environment.{name}", $"must be a string (was {(value.ContainsSecrets ? "a secret " : string.Empty)}{plain.Kind.ToString().ToLowerInvariant()})"));
            }

            if (name.Length == 0 || (shellNames && !ShellName().IsMatch(name)) || name.Contains('=', StringComparison.Ordinal))
            {
                failures.Add(new($"environment.{name}", $"must be a variable name{(shellNames ? " of letters, digits and '_' not starting with a digit" : " without '='")} (was \"{name}\")"));
            }
        }
    }

    private static ImmutableSortedDictionary<string, PropertyValue> CheckConnectionInput(
        ImmutableSortedDictionary<string, PropertyValue> news,
        bool environmentHasAgent,
        List<CheckFailure> failures)
    {
        var inputs = PropertyMaps.Ordinal(news);
        if (!news.TryGetValue("connection", out var connection) || CommandValues.Plain(connection).IsNull)
        {
            failures.Add(new("connection", "is required: the SSH host to connect to (was missing)"));
            return inputs;
        }

        ConnectionChecker.Check(connection, "connection", allowProxy: true, environmentHasAgent, failures);
        return inputs.SetItem("connection", PropertyValue.CreateSecret(connection));
    }

    private static PropertyValue? Known(ImmutableSortedDictionary<string, PropertyValue> map, string key) =>
        map.TryGetValue(key, out var value) && CommandValues.Plain(value) is { IsNull: false, Kind: not PropertyValueKind.Unknown } plain && !value.ContainsUnknowns
            ? plain
            : null;

    private static void CheckOptionalString(ImmutableSortedDictionary<string, PropertyValue> news, string key, List<CheckFailure> failures)
    {
        if (Known(news, key) is { Kind: not PropertyValueKind.String } value)
        {
            failures.Add(new(key, $"must be a string (was {CommandValues.Describe(value)})"));
        }
    }

    private static void RequireString(ImmutableSortedDictionary<string, PropertyValue> news, string key, List<CheckFailure> failures, bool allowEmpty)
    {
        if (!news.TryGetValue(key, out var raw) || CommandValues.Plain(raw).IsNull)
        {
            failures.Add(new(key, "is required (was missing)"));
            return;
        }

        var value = CommandValues.Plain(raw);
        if (value.Kind == PropertyValueKind.Unknown)
        {
            return;
        }

        if (value.Kind != PropertyValueKind.String)
        {
            failures.Add(new(key, $"must be a string (was {CommandValues.Describe(value)})"));
        }
        else if (!allowEmpty && string.IsNullOrWhiteSpace(value.StringValue))
        {
            failures.Add(new(key, $"must not be empty (was {(raw.ContainsSecrets ? "a secret" : CommandValues.Describe(value))})"));
        }
    }

    private static void CheckStringList(ImmutableSortedDictionary<string, PropertyValue> news, string key, List<CheckFailure> failures)
    {
        if (Known(news, key) is { } value
            && (value.Kind != PropertyValueKind.Array || value.ArrayValue.Any(v => CommandValues.Plain(v).Kind != PropertyValueKind.String)))
        {
            failures.Add(new(key, $"must be a list of strings (was {CommandValues.Describe(value)})"));
        }
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex ShellName();
}
