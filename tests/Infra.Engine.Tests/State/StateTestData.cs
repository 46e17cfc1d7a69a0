using System.Collections.Immutable;
using Infra.Engine.State;
using Infra.Protocol.Values;

namespace Infra.Engine.Tests.State;

internal static class StateTestData
{
    public const string StackUrn = "urn:pulumi:dev::proj::pulumi:pulumi:Stack::proj-dev";
    public const string ProviderUrn = "urn:pulumi:dev::proj::pulumi:providers:command::default_1_0_0";
    public const string ProviderId = "2f6a3c1e-0000-4000-8000-000000000001";
    public const string ProviderRef = ProviderUrn + "::" + ProviderId;
    public const string CommandUrn = "urn:pulumi:dev::proj::command:local:Command::hello";
    public const string Version = "v3.140.0";
    public const string VersionMagic = "26f3916fec7e347fdb2e19a90a70c92a60b40a458a31dbcfe05a27af84fec072";

    public static readonly DateTimeOffset Time = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero).AddTicks(1234500);

    public static ImmutableSortedDictionary<string, PropertyValue> Map(params (string Key, PropertyValue Value)[] members) =>
        members.ToImmutableSortedDictionary(m => m.Key, m => m.Value, StringComparer.Ordinal);

    public static ResourceState Stack(ImmutableSortedDictionary<string, PropertyValue>? outputs = null) => new()
    {
        Urn = StackUrn,
        Type = "pulumi:pulumi:Stack",
        Custom = false,
        Outputs = outputs ?? ImmutableSortedDictionary<string, PropertyValue>.Empty,
    };

    public static ResourceState Provider() => new()
    {
        Urn = ProviderUrn,
        Type = "pulumi:providers:command",
        Custom = true,
        Id = ProviderId,
        Parent = StackUrn,
        Inputs = Map(("version", PropertyValue.Create("1.0.0"))),
        Outputs = Map(("version", PropertyValue.Create("1.0.0"))),
    };

    public static ResourceState Command(string name = "hello", params string[] dependencies) => new()
    {
        Urn = $"urn:pulumi:dev::proj::command:local:Command::{name}",
        Type = "command:local:Command",
        Custom = true,
        Id = name + "-id",
        Parent = StackUrn,
        Provider = ProviderRef,
        Dependencies = [.. dependencies],
        Inputs = Map(("create", PropertyValue.Create("echo " + name))),
        Outputs = Map(("stdout", PropertyValue.Create(name))),
    };

    public static StackSnapshot Snapshot(params ResourceState[] resources) => new()
    {
        Manifest = SnapshotManifest.Create(Time, Version),
        SecretsProvider = new SecretsProviderState { Type = "b64" },
        Resources = [.. resources],
    };

    public static StackSnapshot ValidSnapshot() => Snapshot(Stack(), Provider(), Command());
}
