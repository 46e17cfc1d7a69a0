using System.Collections.Immutable;
using Infra.Protocol.Values;
using Infra.Serialization;

namespace Infra.Runtime;

/// <summary>A pending output of a resource, resolved when the engine answers the registration.</summary>
internal sealed class OutputCompletionSource<T> : IOutputCompletionSource
{
    private readonly TaskCompletionSource<OutputData<T>> _source = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public OutputCompletionSource()
    {
        Output = new Output<T>(_source.Task);
    }

    public Output<T> Output { get; }

    object IOutputCompletionSource.Output => Output;

    public void SetData(OutputData<T> data) => _source.TrySetResult(data);

    public void Resolve(PropertyValue? value, bool isPreview, ImmutableHashSet<Resource> resources, string context)
    {
        try
        {
            _source.TrySetResult(Deserializer.ToOutputData<T>(value, isPreview, resources, context));
        }
        catch (Exception e) when (e is InvalidDataException or InvalidCastException or ArgumentException)
        {
            _source.TrySetException(e);
            throw;
        }
    }

    public void SetUnknown(ImmutableHashSet<Resource> resources) => _source.TrySetResult(OutputData<T>.Unknown(false, resources));

    public void SetException(Exception exception) => _source.TrySetException(exception);
}
