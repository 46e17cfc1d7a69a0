using System.Text.RegularExpressions;
using Grpc.Core;
using Infra.Engine.Planning;
using Infra.Engine.Providers;
using Infra.Protocol;
using Infra.Protocol.Rpc;

namespace Infra.Engine.Server;

/// <summary>
/// Strict checks of the requests a program sends (pulumi-protocol.md §3.3): URNs, provider references,
/// versions and type tokens. Every problem is collected and reported at once as <c>InvalidArgument</c>.
/// </summary>
internal static partial class RequestValidator
{
    /// <summary>Checks a RegisterResource request.</summary>
    public static List<string> Validate(RegisterResourceRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problems = new List<string>();
        CheckType(request.Type, request.Custom, "type", problems);
        if (string.IsNullOrEmpty(request.Name))
        {
            problems.Add("name: must not be empty");
        }
        else if (request.Name.Contains("::", StringComparison.Ordinal))
        {
            problems.Add($"name: must not contain '::' (was '{request.Name}')");
        }

        if (request.Type == WireConstants.StackType && request.Parent.Length > 0)
        {
            problems.Add($"parent: the root stack resource has no parent (was '{request.Parent}')");
        }

        CheckOptionalUrn(request.Parent, "parent", problems);
        CheckUrns(request.Dependencies, "dependencies", problems);
        foreach (var (key, dependencies) in request.PropertyDependencies)
        {
            CheckUrns(dependencies.Urns, $"propertyDependencies[{key}]", problems);
        }

        CheckOptionalUrn(request.DeletedWith, "deletedWith", problems);
        CheckProviderReference(request.Provider, "provider", problems);
        foreach (var (package, reference) in request.Providers)
        {
            CheckProviderReference(reference, $"providers[{package}]", problems);
        }

        CheckVersion(request.Version, problems);
        foreach (var alias in request.Aliases)
        {
            if (alias.AliasCase == Alias.AliasOneofCase.Urn)
            {
                CheckOptionalUrn(alias.Urn, "aliases", problems);
            }
            else if (alias.AliasCase == Alias.AliasOneofCase.Spec && alias.Spec.ParentCase == Alias.Types.Spec.ParentOneofCase.ParentUrn)
            {
                CheckOptionalUrn(alias.Spec.ParentUrn, "aliases.parentUrn", problems);
            }
        }

        if (request.CustomTimeouts is { } timeouts)
        {
            foreach (var (name, value) in new[] { ("create", timeouts.Create), ("update", timeouts.Update), ("delete", timeouts.Delete), ("read", timeouts.Read) })
            {
                if (!GoDuration.TryParseSeconds(value, out _))
                {
                    problems.Add($"customTimeouts.{name}: must be a duration such as '5m' or '300s' (was '{value}')");
                }
            }
        }

        return problems;
    }

    /// <summary>Checks a ReadResource request.</summary>
    public static List<string> Validate(ReadResourceRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problems = new List<string>();
        CheckType(request.Type, custom: true, "type", problems);
        if (string.IsNullOrEmpty(request.Name))
        {
            problems.Add("name: must not be empty");
        }

        if (string.IsNullOrEmpty(request.Id) || WireConstants.IsUnknownSentinel(request.Id))
        {
            problems.Add($"id: a read needs a known ID (was '{request.Id}')");
        }

        CheckOptionalUrn(request.Parent, "parent", problems);
        CheckUrns(request.Dependencies, "dependencies", problems);
        CheckProviderReference(request.Provider, "provider", problems);
        CheckVersion(request.Version, problems);
        return problems;
    }

    /// <summary>Checks an Invoke request.</summary>
    public static List<string> Validate(ResourceInvokeRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problems = new List<string>();
        if (request.Tok.Split(':').Length != 3 || request.Tok.Split(':').Any(part => part.Length == 0))
        {
            problems.Add($"tok: must be a function token '<package>:<module>:<function>' (was '{request.Tok}')");
        }

        CheckProviderReference(request.Provider, "provider", problems);
        CheckVersion(request.Version, problems);
        return problems;
    }

    /// <summary>Throws <c>InvalidArgument</c> listing every problem, when there is any.</summary>
    public static void ThrowIfAny(string rpc, List<string> problems)
    {
        if (problems.Count > 0)
        {
            throw new RpcException(new Status(
                StatusCode.InvalidArgument,
                $"{rpc}: invalid request:{Environment.NewLine}  - {string.Join(Environment.NewLine + "  - ", problems)}"));
        }
    }

    private static void CheckType(string type, bool custom, string field, List<string> problems)
    {
        if (string.IsNullOrEmpty(type))
        {
            problems.Add($"{field}: must not be empty");
            return;
        }

        if (custom && !ProviderReference.IsProviderType(type) && (type.Split(':').Length != 3 || type.Split(':').Any(part => part.Length == 0)))
        {
            problems.Add($"{field}: a custom resource needs a type token '<package>:<module>:<Type>' (was '{type}')");
        }
    }

    private static void CheckOptionalUrn(string urn, string field, List<string> problems)
    {
        if (urn.Length > 0 && !ResourceUrn.IsValid(urn))
        {
            problems.Add($"{field}: must be a URN 'urn:pulumi:<stack>::<project>::<type>::<name>' (was '{urn}')");
        }
    }

    private static void CheckUrns(IEnumerable<string> urns, string field, List<string> problems)
    {
        foreach (var urn in urns)
        {
            if (!ResourceUrn.IsValid(urn))
            {
                problems.Add($"{field}: must contain only URNs 'urn:pulumi:<stack>::<project>::<type>::<name>' (was '{urn}')");
            }
        }
    }

    private static void CheckProviderReference(string reference, string field, List<string> problems)
    {
        if (reference.Length == 0)
        {
            return;
        }

        try
        {
            _ = ProviderReference.Parse(reference);
        }
        catch (FormatException ex)
        {
            problems.Add($"{field}: {ex.Message}");
        }
    }

    private static void CheckVersion(string version, List<string> problems)
    {
        if (version.Length > 0 && !SemverPattern().IsMatch(version))
        {
            problems.Add($"version: must be strict semver without a leading 'v', e.g. '4.18.1' (was '{version}')");
        }
    }

    [GeneratedRegex(@"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?(\+[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex SemverPattern();
}
