using System.Reflection;

namespace Infra.Serialization;

/// <summary>A property of an args, output or POCO type with its wire name.</summary>
internal sealed record WireMember(string Name, PropertyInfo Property, bool Json)
{
    public Type Type => Property.PropertyType;
}
