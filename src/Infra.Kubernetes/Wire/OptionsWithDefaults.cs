namespace Infra.Kubernetes.Wire;

/// <summary>
/// Copies the user's options and adds what a kind always carries (extra secret outputs, type aliases),
/// as the generated SDKs do; the user's object is never changed.
/// </summary>
internal static class OptionsWithDefaults
{
    public static CustomResourceOptions Of(CustomResourceOptions? options, IEnumerable<string> additionalSecretOutputs, IEnumerable<Alias> aliases)
    {
        options ??= new CustomResourceOptions();
        var copy = new CustomResourceOptions
        {
            Parent = options.Parent,
            DependsOn = options.DependsOn,
            Protect = options.Protect,
            IgnoreChanges = [.. options.IgnoreChanges],
            ReplaceOnChanges = [.. options.ReplaceOnChanges],
            Version = options.Version,
            Provider = options.Provider,
            CustomTimeouts = options.CustomTimeouts,
            Aliases = [.. options.Aliases],
            RetainOnDelete = options.RetainOnDelete,
            DeletedWith = options.DeletedWith,
            PluginDownloadUrl = options.PluginDownloadUrl,
            Id = options.Id,
            DeleteBeforeReplace = options.DeleteBeforeReplace,
            AdditionalSecretOutputs = [.. options.AdditionalSecretOutputs],
            ImportId = options.ImportId,
        };
        foreach (var name in additionalSecretOutputs)
        {
            if (!copy.AdditionalSecretOutputs.Contains(name))
            {
                copy.AdditionalSecretOutputs.Add(name);
            }
        }

        foreach (var alias in aliases)
        {
            copy.Aliases.Add(alias);
        }

        return copy;
    }
}
