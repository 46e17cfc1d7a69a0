namespace Infra.TestDoubles.ProxmoxVE;

/// <summary>Ends a task with an error exit status.</summary>
internal sealed class DoubleTaskFailure : Exception
{
    public DoubleTaskFailure()
    {
    }

    public DoubleTaskFailure(string message)
        : base(message)
    {
    }

    public DoubleTaskFailure(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
