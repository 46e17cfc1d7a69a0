using System.Runtime.Serialization;

namespace Infra.Command.Common;

/// <summary>Which output streams of a command are logged while it runs (<c>logging</c>).</summary>
public enum Logging
{
    /// <summary>Log stdout and stderr (the default).</summary>
    [EnumMember(Value = "stdoutAndStderr")]
    StdoutAndStderr,

    /// <summary>Log only stdout.</summary>
    [EnumMember(Value = "stdout")]
    Stdout,

    /// <summary>Log only stderr.</summary>
    [EnumMember(Value = "stderr")]
    Stderr,

    /// <summary>Log nothing.</summary>
    [EnumMember(Value = "none")]
    None,
}
