namespace Infra.Serialization;

/// <summary>How C# member names map to wire names when no attribute gives one.</summary>
internal static class NameConventions
{
    public static string ToCamelCase(string name) =>
        string.IsNullOrEmpty(name) || char.IsLower(name[0]) ? name : char.ToLowerInvariant(name[0]) + name[1..];
}
