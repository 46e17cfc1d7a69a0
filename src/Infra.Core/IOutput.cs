using System.Collections.Immutable;

namespace Infra;

/// <summary>Untyped access to an output, used by serialization.</summary>
internal interface IOutput
{
    Type ValueType { get; }

    Task<OutputData<object?>> GetDataAsync();

    Task<ImmutableHashSet<Resource>> GetResourcesAsync();
}
