namespace Infra.Testing;

/// <summary>How a test run behaves.</summary>
public sealed class TestOptions
{
    private IDictionary<string, string>? _config;
    private IDictionary<string, string>? _secretConfig;
    private IDictionary<string, IDictionary<string, object?>>? _stackReferences;
    private ISet<string>? _secretStackReferenceOutputs;

    /// <summary>The project name. The default is <c>project</c>.</summary>
    public string ProjectName { get; init; } = "project";

    /// <summary>The stack name. The default is <c>stack</c>.</summary>
    public string StackName { get; init; } = "stack";

    /// <summary>The organization name. The default is <c>organization</c>.</summary>
    public string OrganizationName { get; init; } = "organization";

    /// <summary>
    /// True (the default, as in a real <c>preview</c>) makes outputs the mocks do not return unknown, so
    /// Apply callbacks on them do not run; false behaves like <c>up</c>, where missing outputs are defaults.
    /// </summary>
    public bool IsPreview { get; init; } = true;

    /// <summary>Configuration by full key (<c>project:key</c>, <c>kubernetes:context</c>).</summary>
    public IDictionary<string, string> Config
    {
        get => _config ??= new Dictionary<string, string>();
        init => _config = value;
    }

    /// <summary>Secret configuration by full key; handed to the program as secrets.</summary>
    public IDictionary<string, string> SecretConfig
    {
        get => _secretConfig ??= new Dictionary<string, string>();
        init => _secretConfig = value;
    }

    /// <summary>Outputs of other stacks, by stack name, for <see cref="StackReference"/>.</summary>
    public IDictionary<string, IDictionary<string, object?>> StackReferences
    {
        get => _stackReferences ??= new Dictionary<string, IDictionary<string, object?>>();
        init => _stackReferences = value;
    }

    /// <summary>Names of stack-reference outputs that are secret in their stack (<c>stack/output</c>).</summary>
    public ISet<string> SecretStackReferenceOutputs
    {
        get => _secretStackReferenceOutputs ??= new HashSet<string>();
        init => _secretStackReferenceOutputs = value;
    }
}
