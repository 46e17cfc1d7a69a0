using System.Reflection;

namespace Infra.Tls;

/// <summary>Builds the options a tls resource registers with: the caller's options plus the outputs the schema marks secret.</summary>
internal static class TlsResourceOptions
{
    private static readonly PropertyInfo[] Copyable = [.. typeof(CustomResourceOptions)
        .GetProperties(BindingFlags.Instance | BindingFlags.Public)
        .Where(p => p.CanRead && p.CanWrite && p.GetIndexParameters().Length == 0)];

    /// <summary>
    /// A copy of <paramref name="options"/> (never mutated) whose <c>AdditionalSecretOutputs</c> also hold
    /// <paramref name="secretOutputs"/>, so every engine marks them secret.
    /// </summary>
    public static CustomResourceOptions WithSecretOutputs(CustomResourceOptions? options, params string[] secretOutputs)
    {
        var copy = new CustomResourceOptions();
        if (options is not null)
        {
            foreach (var property in Copyable)
            {
                property.SetValue(copy, property.GetValue(options));
            }
        }

        var names = new List<string>(options?.AdditionalSecretOutputs ?? []);
        foreach (var name in secretOutputs)
        {
            if (!names.Contains(name, StringComparer.Ordinal))
            {
                names.Add(name);
            }
        }

        copy.AdditionalSecretOutputs = names;
        return copy;
    }
}
