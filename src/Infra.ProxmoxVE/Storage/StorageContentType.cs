using System.Runtime.Serialization;

namespace Infra.ProxmoxVE.Storage;

/// <summary>The content type of an uploaded file.</summary>
public enum StorageContentType
{
    /// <summary>A backup (<c>backup</c>; uploaded over SSH).</summary>
    [EnumMember(Value = "backup")]
    Backup,

    /// <summary>An ISO image (<c>iso</c>).</summary>
    [EnumMember(Value = "iso")]
    Iso,

    /// <summary>A snippet such as cloud-init user data (<c>snippets</c>; uploaded over SSH, the datastore must allow snippets).</summary>
    [EnumMember(Value = "snippets")]
    Snippets,

    /// <summary>A disk image to import (<c>import</c>).</summary>
    [EnumMember(Value = "import")]
    Import,

    /// <summary>A container template (<c>vztmpl</c>).</summary>
    [EnumMember(Value = "vztmpl")]
    Vztmpl,
}
