namespace Infra;

/// <summary>Options of a provider-managed (custom) resource.</summary>
public sealed class CustomResourceOptions : ResourceOptions
{
    private IList<string>? _additionalSecretOutputs;

    /// <summary>When true a replacement deletes the old resource before creating the new one.</summary>
    public bool? DeleteBeforeReplace { get; set; }

    /// <summary>Output names to treat as secret in addition to those the provider marks.</summary>
    public IList<string> AdditionalSecretOutputs
    {
        get => _additionalSecretOutputs ??= [];
        set => _additionalSecretOutputs = value;
    }

    /// <summary>Adopt an existing cloud resource with this provider ID instead of creating one.</summary>
    public string? ImportId { get; set; }
}
