using Google.Protobuf.Collections;
using Infra.Protocol;
using Infra.Protocol.Rpc;
using RpcAlias = Infra.Protocol.Rpc.Alias;

namespace Infra.Conformance.Tests.Fakes;

/// <summary>The checks of single fields shared by several requests.</summary>
internal static partial class RequestValidator
{
    private static void ValidateType(string type, bool requireThreeParts, ProblemCollector problems)
    {
        if (type.Length == 0)
        {
            problems.Reject("type", "must not be empty", "''");
        }
        else if (type.Contains("::", StringComparison.Ordinal))
        {
            problems.Reject("type", "must not contain '::' (it separates URN segments)", ProblemCollector.Show(type));
        }
        else if (requireThreeParts && !WireFormatRules.IsThreePartToken(type))
        {
            problems.Reject("type", "custom and remote resources need three non-empty parts 'pkg:module:Type'", ProblemCollector.Show(type));
        }
    }

    private static void ValidateName(string name, ProblemCollector problems)
    {
        if (name.Length == 0)
        {
            problems.Reject("name", "must not be empty", "''");
        }
        else if (name.Contains("::", StringComparison.Ordinal))
        {
            problems.Add("name", "must not contain '::' (it is the URN delimiter)", ProblemCollector.Show(name));
        }
    }

    private static void ValidateStackRules(RegisterResourceRequest request, bool isStack, EngineState state, ProblemCollector problems)
    {
        if (!isStack)
        {
            if (!state.StackRegistered)
            {
                problems.Add("type", "the root stack pulumi:pulumi:Stack must be registered before any other resource", ProblemCollector.Show(request.Type));
            }

            if (request.Parent.Length == 0)
            {
                problems.Add("parent", "must be the parent's URN (the stack URN when no other parent); '' is only for the root stack", "''");
            }

            return;
        }

        var expectedName = state.Options.StackResourceName;
        if (request.Name != expectedName)
        {
            problems.Add("name", $"the root stack must be named '<project>-<stack>' = '{expectedName}'", ProblemCollector.Show(request.Name));
        }

        if (request.Parent.Length > 0)
        {
            problems.Add("parent", "the root stack must have parent ''", ProblemCollector.Show(request.Parent));
        }

        if (request.Custom)
        {
            problems.Add("custom", "the root stack must be registered with custom=false", "true");
        }
    }

    private static void ValidateParent(string parent, EngineState state, ProblemCollector problems)
    {
        if (parent.Length == 0)
        {
            return;
        }

        if (!UrnRules.IsValid(parent))
        {
            problems.Reject("parent", NotAUrn, ProblemCollector.Show(parent));
        }
        else if (!state.IsRegistered(parent))
        {
            problems.Reject("parent", NotRegistered, ProblemCollector.Show(parent));
        }
    }

    private static void ValidateUrnList(RepeatedField<string> urns, string field, EngineState state, ProblemCollector problems, bool forbidStack)
    {
        for (var i = 0; i < urns.Count; i++)
        {
            var urn = urns[i];
            var path = $"{field}[{i}]";
            if (urn.Length == 0)
            {
                problems.Reject(path, "must not be empty (never send '' as a URN)", "''");
            }
            else if (!UrnRules.IsValid(urn))
            {
                problems.Reject(path, NotAUrn, ProblemCollector.Show(urn));
            }
            else if (!state.IsRegistered(urn))
            {
                problems.Reject(path, NotRegistered, ProblemCollector.Show(urn));
            }
            else if (forbidStack && urn == state.Options.StackUrn)
            {
                problems.Add(path, "must not name the root stack (depending on the stack is meaningless)", ProblemCollector.Show(urn));
            }
        }
    }

    private static void ValidatePropertyDependencies(RegisterResourceRequest request, PropertyValidator validator, EngineState state, ProblemCollector problems)
    {
        var objectKeys = request.Object?.Fields.Keys.ToHashSet(StringComparer.Ordinal) ?? [];
        var dependencies = request.Dependencies.ToHashSet(StringComparer.Ordinal);
        foreach (var (key, urns) in request.PropertyDependencies.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (!objectKeys.Contains(key))
            {
                problems.Add($"propertyDependencies[{key}]", "keys must be input properties present in object", ProblemCollector.Show(key));
            }

            ValidateUrnList(urns.Urns, $"propertyDependencies[{key}]", state, problems, forbidStack: true);
            for (var i = 0; i < urns.Urns.Count; i++)
            {
                if (urns.Urns[i].Length > 0 && !dependencies.Contains(urns.Urns[i]))
                {
                    problems.Add($"propertyDependencies[{key}][{i}]", "every property dependency must also be listed in dependencies", ProblemCollector.Show(urns.Urns[i]));
                }
            }
        }

        if (request.Remote)
        {
            return;
        }

        foreach (var (key, referenced) in validator.ReferencedUrns.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            foreach (var urn in referenced)
            {
                if (!dependencies.Contains(urn))
                {
                    problems.Add($"object.{key}", "a resource referenced by an input must be listed in dependencies", ProblemCollector.Show(urn));
                }

                if (request.PropertyDependencies.Count > 0
                    && (!request.PropertyDependencies.TryGetValue(key, out var listed) || !listed.Urns.Contains(urn)))
                {
                    problems.Add($"object.{key}", $"a resource referenced by an input must be listed in propertyDependencies[{key}]", ProblemCollector.Show(urn));
                }
            }
        }
    }

    private static void ValidateProviderReference(string reference, string field, string? package, EngineState state, ProblemCollector problems)
    {
        var split = reference.LastIndexOf("::", StringComparison.Ordinal);
        if (split < 0)
        {
            problems.Reject(field, "must be '<providerURN>::<providerID>'", ProblemCollector.Show(reference));
            return;
        }

        var urn = reference[..split];
        var id = reference[(split + 2)..];
        if (!UrnRules.IsValid(urn))
        {
            problems.Reject(field, "the part before the last '::' " + NotAUrn, ProblemCollector.Show(reference));
            return;
        }

        var provider = state.Find(urn);
        if (provider is null)
        {
            problems.Reject(field, "the part before the last '::' must be the URN of an already registered provider", ProblemCollector.Show(reference));
            return;
        }

        if (provider.Kind != ResourceKind.Provider)
        {
            problems.Reject(field, "must reference a provider resource (type pulumi:providers:<pkg>)", ProblemCollector.Show(reference));
            return;
        }

        if (id.Length == 0)
        {
            problems.Add(field, "the ID part must be the provider's ID or the unknown sentinel, never empty", ProblemCollector.Show(reference));
        }
        else if (id != provider.Id && id != WireConstants.UnknownStringSentinel)
        {
            problems.Add(field, $"the ID part must be the provider's ID '{provider.Id}' or the unknown sentinel", ProblemCollector.Show(reference));
        }

        var providerPackage = provider.Type[WireConstants.ProviderTypePrefix.Length..];
        if (package is not null && providerPackage != package)
        {
            problems.Add(field, $"must reference a provider of package '{package}'", ProblemCollector.Show(reference));
        }
    }

    private static void ValidateVersion(string version, ProblemCollector problems)
    {
        if (version.Length > 0 && !WireFormatRules.IsStrictSemver(version))
        {
            problems.Reject("version", "must be strict semver without a leading 'v' (e.g. '4.18.1')", ProblemCollector.Show(version));
        }
    }

    private static void ValidateFlags(RegisterResourceRequest request, EngineState state, ProblemCollector problems)
    {
        if (!request.AcceptSecrets)
        {
            problems.Add("acceptSecrets", "must be true (otherwise secret outputs come back unwrapped)", "false");
        }

        if (!request.SupportsPartialValues)
        {
            problems.Add("supportsPartialValues", "must be true (otherwise top-level outputs containing unknowns are dropped)", "false");
        }

        if (!request.SupportsResultReporting)
        {
            problems.Add("supportsResultReporting", "must be true (so failures come back as result=FAIL)", "false");
        }

        if (!request.AcceptResources && state.Options.EffectiveFeatures.GetValueOrDefault("resourceReferences"))
        {
            problems.Add("acceptResources", "must be true (the engine supports resource references)", "false");
        }

        if (request.DeleteBeforeReplace && !request.DeleteBeforeReplaceDefined)
        {
            problems.Add("deleteBeforeReplaceDefined", "must be true when deleteBeforeReplace is true", "false");
        }
    }

    private static void ValidateTimeouts(RegisterResourceRequest.Types.CustomTimeouts? timeouts, ProblemCollector problems)
    {
        if (timeouts is null)
        {
            return;
        }

        foreach (var (name, value) in new[] { ("create", timeouts.Create), ("update", timeouts.Update), ("delete", timeouts.Delete), ("read", timeouts.Read) })
        {
            if (value.Length > 0 && !WireFormatRules.IsGoDuration(value))
            {
                problems.Reject($"customTimeouts.{name}", "must be a Go duration such as '5m', '300s' or '1500000000ns'", ProblemCollector.Show(value));
            }
        }
    }

    private static void ValidateDeletedWith(string deletedWith, EngineState state, ProblemCollector problems)
    {
        if (deletedWith.Length == 0)
        {
            return;
        }

        if (!state.ProbedTrue("deletedWith"))
        {
            problems.Add("deletedWith", "needs SupportsFeature('deletedWith') probed true", ProblemCollector.Show(deletedWith));
        }

        if (!UrnRules.IsValid(deletedWith))
        {
            problems.Reject("deletedWith", NotAUrn, ProblemCollector.Show(deletedWith));
        }
        else if (!state.IsRegistered(deletedWith))
        {
            problems.Reject("deletedWith", NotRegistered, ProblemCollector.Show(deletedWith));
        }
    }

    private static void ValidateAliases(RegisterResourceRequest request, EngineState state, ProblemCollector problems)
    {
        for (var i = 0; i < request.AliasURNs.Count; i++)
        {
            if (!UrnRules.IsValid(request.AliasURNs[i]))
            {
                problems.Reject($"aliasURNs[{i}]", NotAUrn, ProblemCollector.Show(request.AliasURNs[i]));
            }
        }

        if (request.Aliases.Count > 0 && !state.ProbedTrue("aliasSpecs"))
        {
            problems.Add("aliases", "structured aliases need SupportsFeature('aliasSpecs') probed true (use aliasURNs otherwise)", $"{request.Aliases.Count} alias(es)");
        }

        for (var i = 0; i < request.Aliases.Count; i++)
        {
            var alias = request.Aliases[i];
            if (alias.AliasCase == RpcAlias.AliasOneofCase.Urn && !UrnRules.IsValid(alias.Urn))
            {
                problems.Reject($"aliases[{i}].urn", NotAUrn, ProblemCollector.Show(alias.Urn));
            }
            else if (alias.AliasCase == RpcAlias.AliasOneofCase.Spec
                && alias.Spec.ParentCase == RpcAlias.Types.Spec.ParentOneofCase.ParentUrn
                && !UrnRules.IsValid(alias.Spec.ParentUrn))
            {
                problems.Reject($"aliases[{i}].spec.parentUrn", NotAUrn, ProblemCollector.Show(alias.Spec.ParentUrn));
            }
            else if (alias.AliasCase == RpcAlias.AliasOneofCase.None)
            {
                problems.Reject($"aliases[{i}]", "must set either urn or spec", "empty alias");
            }
        }
    }
}
