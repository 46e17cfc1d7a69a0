using System.Collections.Immutable;
using Infra.Engine.Providers;
using Infra.Protocol.Values;

namespace Infra.Command.Tests.Providers.Command;

/// <summary>Small builders for property maps and provider requests.</summary>
internal static class Props
{
    public const string LocalUrn = "urn:pulumi:dev::proj::command:local:Command::cmd";
    public const string RemoteUrn = "urn:pulumi:dev::proj::command:remote:Command::rcmd";
    public const string CopyUrn = "urn:pulumi:dev::proj::command:remote:CopyToRemote::copy";

    public static PropertyValue S(string text) => PropertyValue.Create(text);

    public static PropertyValue Secret(string text) => PropertyValue.CreateSecret(PropertyValue.Create(text));

    public static PropertyValue N(double number) => PropertyValue.Create(number);

    public static PropertyValue Obj(params (string Key, PropertyValue Value)[] members) =>
        PropertyValue.CreateObject(members.Select(m => KeyValuePair.Create(m.Key, m.Value)));

    public static ImmutableSortedDictionary<string, PropertyValue> Map(params (string Key, PropertyValue Value)[] members) =>
        PropertyMaps.Create(members.Select(m => KeyValuePair.Create(m.Key, m.Value)));

    public static CheckRequest Check(string urn, ImmutableSortedDictionary<string, PropertyValue> news) =>
        new() { Urn = urn, Olds = PropertyMaps.Empty, News = news };
}
