namespace Infra.Assets;

/// <summary>A collection of assets: a map of named members, a local archive file or directory, or a remote archive.</summary>
public abstract class Archive
{
    private protected Archive()
    {
    }
}
