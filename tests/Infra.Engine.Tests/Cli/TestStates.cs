using System.Collections.Immutable;
using Infra.Engine.State;
using Infra.Protocol.Values;

namespace Infra.Engine.Tests.Cli;

/// <summary>A small stack state: the stack (with outputs), a default provider, a component with two children, and a resource with a child.</summary>
internal static class TestStates
{
    public const string StackUrn = "urn:pulumi:dev::demo::pulumi:pulumi:Stack::demo-dev";
    public const string ProviderUrn = "urn:pulumi:dev::demo::pulumi:providers:test::default";
    public const string WebUrn = "urn:pulumi:dev::demo::infra:components:Web::web";
    public const string ServerUrn = "urn:pulumi:dev::demo::infra:components:Web$test:index:Resource::web-server";
    public const string DnsUrn = "urn:pulumi:dev::demo::infra:components:Web$test:index:Resource::web-dns";
    public const string DiskUrn = "urn:pulumi:dev::demo::test:index:Resource::disk";
    public const string AttachUrn = "urn:pulumi:dev::demo::test:index:Resource$test:index:Resource::attach";

    public static ImmutableArray<ResourceState> Resources(bool withSecretOutput)
    {
        var outputs = ImmutableSortedDictionary<string, PropertyValue>.Empty
            .Add("url", PropertyValue.Create("http://web"))
            .Add("count", PropertyValue.Create(3));
        if (withSecretOutput)
        {
            outputs = outputs.Add("password", PropertyValue.CreateSecret(PropertyValue.Create("hunter2")));
        }

        return
        [
            new ResourceState { Urn = StackUrn, Type = "pulumi:pulumi:Stack", Custom = false, Outputs = outputs },
            new ResourceState { Urn = ProviderUrn, Type = "pulumi:providers:test", Custom = true, Id = "prov-1" },
            new ResourceState { Urn = WebUrn, Type = "infra:components:Web", Custom = false, Parent = StackUrn },
            new ResourceState { Urn = ServerUrn, Type = "test:index:Resource", Custom = true, Id = "ws-1", Parent = WebUrn, Provider = ProviderUrn + "::prov-1" },
            new ResourceState
            {
                Urn = DnsUrn,
                Type = "test:index:Resource",
                Custom = true,
                Id = "dns-1",
                Parent = WebUrn,
                Provider = ProviderUrn + "::prov-1",
                Dependencies = [ServerUrn],
                PropertyDependencies = ImmutableSortedDictionary<string, ImmutableArray<string>>.Empty.Add("target", [ServerUrn]),
            },
            new ResourceState { Urn = DiskUrn, Type = "test:index:Resource", Custom = true, Id = "disk-1", Parent = StackUrn },
            new ResourceState { Urn = AttachUrn, Type = "test:index:Resource", Custom = true, Id = "att-1", Parent = DiskUrn, Dependencies = [ServerUrn] },
        ];
    }

    public static StackSnapshot Snapshot(bool withSecretOutput, SecretsProviderState? secretsProvider = null) =>
        StackSnapshot.CreateEmpty(SnapshotManifest.Create(DateTimeOffset.UnixEpoch, "v0.1.0"), secretsProvider) with
        {
            Resources = Resources(withSecretOutput),
        };
}
