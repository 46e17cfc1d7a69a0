namespace Infra;

/// <summary>
/// A resource managed by a provider (created, read, updated and deleted through it). Typed resources
/// derive from it and declare their outputs as <c>[Output("wireName")] public Output&lt;T&gt; X { get; private set; } = null!;</c>;
/// the SDK fills those properties when the engine answers.
/// </summary>
public abstract class CustomResource : Resource
{
    /// <summary>Registers a custom resource.</summary>
    /// <param name="type">The type token <c>package:module:Type</c>.</param>
    /// <param name="name">The unique logical name.</param>
    /// <param name="args">The inputs.</param>
    /// <param name="options">The options.</param>
    protected CustomResource(string type, string name, ResourceArgs? args, CustomResourceOptions? options = null)
        : base(type, name, custom: true, args, options ?? new CustomResourceOptions(), remote: false)
    {
    }

    /// <summary>Registers a custom resource of a typed provider package.</summary>
    /// <param name="type">The type token <c>package:module:Type</c>.</param>
    /// <param name="name">The unique logical name.</param>
    /// <param name="args">The inputs.</param>
    /// <param name="options">The options.</param>
    /// <param name="packageVersion">The provider version the package targets (strict semver); sent unless <c>options.Version</c> is set.</param>
    protected CustomResource(string type, string name, ResourceArgs? args, CustomResourceOptions? options, string packageVersion)
        : base(type, name, custom: true, args, options ?? new CustomResourceOptions(), remote: false, packageVersion)
    {
    }

    private protected CustomResource(string type, string name, ResourceArgs? args, ResourceOptions options)
        : base(type, name, custom: true, args, options, remote: false)
    {
    }

    /// <summary>The provider-assigned ID. Unknown during preview for resources not created yet.</summary>
    [Output("id")]
    public Output<string> Id { get; internal set; } = null!;
}
