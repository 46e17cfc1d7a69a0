namespace Infra;

/// <summary>
/// Base of argument bags. Every property marked <see cref="InputAttribute"/> is sent with its wire name;
/// null properties are omitted.
/// </summary>
public abstract class InputArgs
{
    private protected InputArgs()
    {
    }
}
