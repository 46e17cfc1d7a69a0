namespace Infra.TestDoubles.ProxmoxVE;

/// <summary>An error answer of the API: status, message and per-parameter errors.</summary>
internal sealed class ProxmoxApiError : Exception
{
    public ProxmoxApiError(int status, string message, IReadOnlyDictionary<string, string>? errors = null)
        : base(message)
    {
        Status = status;
        Errors = errors;
    }

    public ProxmoxApiError()
        : this(500, "error")
    {
    }

    public ProxmoxApiError(string message)
        : this(500, message)
    {
    }

    public ProxmoxApiError(string message, Exception innerException)
        : base(message, innerException)
    {
        Status = 500;
    }

    public int Status { get; }

    public IReadOnlyDictionary<string, string>? Errors { get; }

    public static ProxmoxApiError Parameter(string name, string problem) =>
        new(400, "Parameter verification failed.", new Dictionary<string, string>(StringComparer.Ordinal) { [name] = problem });
}
