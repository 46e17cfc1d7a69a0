using System.Collections.Immutable;

namespace Infra.Runtime;

/// <summary>The configuration handed to the program, with the set of secret keys.</summary>
internal sealed class ConfigSource(ImmutableDictionary<string, string> values, ImmutableHashSet<string> secretKeys)
{
    public bool TryGet(string fullKey, out string value) => values.TryGetValue(fullKey, out value!);

    public bool IsSecret(string fullKey) => secretKeys.Contains(fullKey);
}
