using Infra.Protocol;
using Infra.Protocol.Rpc;

namespace Infra.Conformance.Tests.Fakes;

/// <summary>
/// Field-by-field checks of monitor requests against pulumi-protocol.md §3, §5, §7.4 and §10. Callers
/// hold <see cref="EngineState.Gate"/> so the registry does not change underneath.
/// </summary>
internal static partial class RequestValidator
{
    private const string NotRegistered = "must be the URN of an already registered resource";
    private const string NotAUrn = "must be a strictly valid URN 'urn:pulumi:<stack>::<project>::<type>::<name>'";

    /// <summary>Checks a <c>RegisterResource</c> request.</summary>
    public static void ValidateRegister(RegisterResourceRequest request, EngineState state, ProblemCollector problems)
    {
        var isStack = request.Type == WireConstants.StackType;
        ValidateType(request.Type, request.Custom || request.Remote, problems);
        ValidateName(request.Name, problems);
        ValidateStackRules(request, isStack, state, problems);
        if (!isStack || request.Parent.Length > 0)
        {
            ValidateParent(request.Parent, state, problems);
        }

        if (request.Type.StartsWith(WireConstants.ProviderTypePrefix, StringComparison.Ordinal) && !request.Custom)
        {
            problems.Add("custom", "provider resources must be registered with custom=true", "false");
        }

        if (request.Custom && request.Remote)
        {
            problems.Add("remote", "a resource cannot be both custom and remote", "true");
        }

        var validator = new PropertyValidator(
            problems,
            new PropertyRules(
                ResourceReferences: state.ProbedTrue("resourceReferences"),
                OutputValues: request.Remote && state.ProbedTrue("outputValues"),
                OutputValuesRule: request.Remote
                    ? "output values need SupportsFeature('outputValues') probed true"
                    : "output values are only for remote components (send plain values, secrets and unknown sentinels)"),
            state.IsRegistered);
        validator.ValidateTopLevel(request.Object, "object");

        ValidateUrnList(request.Dependencies, "dependencies", state, problems, forbidStack: true);
        ValidatePropertyDependencies(request, validator, state, problems);

        if (request.Provider.Length > 0)
        {
            ValidateProviderReference(request.Provider, "provider", request.Custom ? WireFormatRules.PackageOf(request.Type) : null, state, problems);
        }

        foreach (var (package, reference) in request.Providers.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            ValidateProviderReference(reference, $"providers[{package}]", package, state, problems);
        }

        ValidateVersion(request.Version, problems);
        ValidateFlags(request, state, problems);
        ValidateTimeouts(request.CustomTimeouts, problems);
        ValidateDeletedWith(request.DeletedWith, state, problems);
        ValidateAliases(request, state, problems);
    }

    /// <summary>Checks a <c>ReadResource</c> request.</summary>
    public static void ValidateRead(ReadResourceRequest request, EngineState state, ProblemCollector problems)
    {
        if (request.Id.Length == 0)
        {
            problems.Reject("id", "must not be empty (the ID of the resource to read)", "''");
        }

        ValidateType(request.Type, requireThreeParts: true, problems);
        ValidateName(request.Name, problems);
        if (!state.StackRegistered)
        {
            problems.Add("type", "the root stack pulumi:pulumi:Stack must be registered before any other resource", ProblemCollector.Show(request.Type));
        }

        if (request.Parent.Length == 0)
        {
            problems.Add("parent", "must be the parent's URN (the stack URN when no other parent); '' is only for the root stack", "''");
        }

        ValidateParent(request.Parent, state, problems);
        var validator = new PropertyValidator(
            problems,
            new PropertyRules(state.ProbedTrue("resourceReferences"), OutputValues: false, "output values are only for remote components (send plain values, secrets and unknown sentinels)"),
            state.IsRegistered);
        validator.ValidateTopLevel(request.Properties, "properties");
        ValidateUrnList(request.Dependencies, "dependencies", state, problems, forbidStack: true);
        if (request.Provider.Length > 0)
        {
            ValidateProviderReference(request.Provider, "provider", WireFormatRules.PackageOf(request.Type), state, problems);
        }

        ValidateVersion(request.Version, problems);
        if (!request.AcceptSecrets)
        {
            problems.Add("acceptSecrets", "must be true (otherwise secret outputs come back unwrapped)", "false");
        }

        if (!request.AcceptResources && state.Options.EffectiveFeatures.GetValueOrDefault("resourceReferences"))
        {
            problems.Add("acceptResources", "must be true (the engine supports resource references)", "false");
        }
    }

    /// <summary>Checks an <c>Invoke</c> request.</summary>
    public static void ValidateInvoke(ResourceInvokeRequest request, EngineState state, ProblemCollector problems)
    {
        if (!WireFormatRules.IsThreePartToken(request.Tok))
        {
            problems.Reject("tok", "must have three non-empty parts 'pkg:module:function'", ProblemCollector.Show(request.Tok));
        }

        var validator = new PropertyValidator(
            problems,
            new PropertyRules(
                state.ProbedTrue("resourceReferences"),
                OutputValues: false,
                "output values are only for remote components and Call (send plain values)",
                UnknownsRule: "invoke args must not contain unknown values (resolve the invoke as unknown without calling it)"),
            state.IsRegistered);
        validator.ValidateTopLevel(request.Args, "args");
        if (request.Provider.Length > 0)
        {
            ValidateProviderReference(request.Provider, "provider", WireFormatRules.PackageOf(request.Tok), state, problems);
        }

        ValidateVersion(request.Version, problems);
    }

    /// <summary>Checks a <c>RegisterResourceOutputs</c> request (not the once-only rule).</summary>
    public static RegisteredResource? ValidateOutputs(RegisterResourceOutputsRequest request, EngineState state, ProblemCollector problems)
    {
        RegisteredResource? resource = null;
        if (!UrnRules.IsValid(request.Urn))
        {
            problems.Reject("urn", NotAUrn, ProblemCollector.Show(request.Urn));
        }
        else if ((resource = state.Find(request.Urn)) is null)
        {
            problems.Reject("urn", NotRegistered, ProblemCollector.Show(request.Urn));
        }
        else if (resource.IsCustom)
        {
            problems.Add("urn", "must not name a custom resource (it would overwrite that resource's outputs)", ProblemCollector.Show(request.Urn));
        }

        var validator = new PropertyValidator(
            problems,
            new PropertyRules(state.ProbedTrue("resourceReferences"), OutputValues: false, "output values are not allowed in registered outputs (send plain values, secrets and unknown sentinels)"),
            state.IsRegistered);
        validator.ValidateTopLevel(request.Outputs, "outputs");
        return resource;
    }
}
