namespace Infra.Conformance.Tests.Fakes;

/// <summary>What kind of resource a registration or read created.</summary>
public enum ResourceKind
{
    /// <summary>The root <c>pulumi:pulumi:Stack</c>.</summary>
    Stack,

    /// <summary>A custom (provider-managed) resource.</summary>
    Custom,

    /// <summary>An explicit provider resource (<c>pulumi:providers:&lt;pkg&gt;</c>).</summary>
    Provider,

    /// <summary>A local component resource.</summary>
    Component,

    /// <summary>A remote (multi-language) component resource.</summary>
    RemoteComponent,

    /// <summary>A resource read with <c>ReadResource</c>.</summary>
    Read,
}
