using System.Net;

namespace Infra.Engine.Providers.ProxmoxVE;

/// <summary>An error answer of the Proxmox VE API (or a failed task), with the HTTP status and per-parameter errors.</summary>
internal sealed class ProxmoxApiException : Exception
{
    public ProxmoxApiException(string message, HttpStatusCode? status = null, IReadOnlyDictionary<string, string>? errors = null, string? apiMessage = null)
        : base(message)
    {
        Status = status;
        Errors = errors ?? new Dictionary<string, string>();
        ApiMessage = apiMessage ?? message;
    }

    public ProxmoxApiException()
        : this("The Proxmox VE API failed.")
    {
    }

    public ProxmoxApiException(string message)
        : this(message, status: null)
    {
    }

    public ProxmoxApiException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = new Dictionary<string, string>();
        ApiMessage = message;
    }

    /// <summary>The HTTP status, or null for a failed task.</summary>
    public HttpStatusCode? Status { get; }

    /// <summary>Per-parameter errors (<c>errors</c> of the answer).</summary>
    public IReadOnlyDictionary<string, string> Errors { get; }

    /// <summary>The API's own message (or the task's exit status).</summary>
    public string ApiMessage { get; }

    /// <summary>Proxmox could not take a config or storage lock in time (parallel clones): worth retrying.</summary>
    public bool IsLockTimeout => ApiMessage.Contains("can't lock file", StringComparison.Ordinal) && ApiMessage.Contains("got timeout", StringComparison.Ordinal);

    /// <summary>The VM/CT id is taken.</summary>
    public bool IsAlreadyExists => ApiMessage.Contains("already exists", StringComparison.Ordinal);

    /// <summary>The VM/CT/volume does not exist.</summary>
    public bool IsNotFound => Status == HttpStatusCode.NotFound || ApiMessage.Contains("does not exist", StringComparison.Ordinal);
}
