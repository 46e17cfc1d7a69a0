namespace Infra.EndToEnd.Tests.Minimal;

/// <summary>The URNs samples/Minimal registers on stack <c>dev</c>.</summary>
internal static class MinimalUrns
{
    public const string Stack = "urn:pulumi:dev::minimal::pulumi:pulumi:Stack::minimal-dev";
    public const string Provider = "urn:pulumi:dev::minimal::pulumi:providers:test::default";
    public const string Site = "urn:pulumi:dev::minimal::minimal:index:GreetingSite::site";
    public const string Settings = "urn:pulumi:dev::minimal::minimal:index:GreetingSite$test:index:Resource::site-settings";
    public const string Page = "urn:pulumi:dev::minimal::minimal:index:GreetingSite$test:index:Resource::site-page";

    public static readonly string[] All = [Stack, Provider, Site, Settings, Page];
}
