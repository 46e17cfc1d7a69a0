namespace Infra.ProxmoxVE.CT;

/// <summary>The template and OS type of a container (forces replacement).</summary>
public sealed partial class ContainerOperatingSystemArgs : ResourceArgs
{
    /// <summary>The template (<c>datastore:vztmpl/file</c>).</summary>
    [Input("templateFileId")]
    public required Input<string> TemplateFileId { get; init; }

    /// <summary>The OS type, e.g. <c>debian</c> or <c>ubuntu</c>.</summary>
    [Input("type")]
    public Input<string>? Type { get; init; }
}
