using System.Runtime.Serialization;

namespace Infra.ProxmoxVE.Download;

/// <summary>What a downloaded file is used for.</summary>
public enum DownloadContentType
{
    /// <summary>An ISO image (<c>iso</c>).</summary>
    [EnumMember(Value = "iso")]
    Iso,

    /// <summary>A disk image to import (<c>import</c>).</summary>
    [EnumMember(Value = "import")]
    Import,

    /// <summary>A container template (<c>vztmpl</c>).</summary>
    [EnumMember(Value = "vztmpl")]
    Vztmpl,
}
