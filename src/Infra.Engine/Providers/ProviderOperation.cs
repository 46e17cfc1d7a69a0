namespace Infra.Engine.Providers;

/// <summary>The operations of <see cref="IResourceProvider"/>.</summary>
internal enum ProviderOperation
{
    Configure,
    Check,
    Diff,
    Create,
    Read,
    Update,
    Delete,
    Invoke,
}
