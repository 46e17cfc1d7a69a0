namespace Infra.Assets;

/// <summary>A blob of content sent to a provider: inline text, a local file or a remote URI.</summary>
public abstract class Asset
{
    private protected Asset()
    {
    }
}
