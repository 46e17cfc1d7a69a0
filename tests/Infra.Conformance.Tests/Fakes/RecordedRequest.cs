using Google.Protobuf;

namespace Infra.Conformance.Tests.Fakes;

/// <summary>One request as it arrived at the strict engine.</summary>
/// <param name="Sequence">0-based arrival order across both services.</param>
/// <param name="Service"><c>ResourceMonitor</c> or <c>Engine</c>.</param>
/// <param name="Rpc">The method name, e.g. <c>RegisterResource</c>.</param>
/// <param name="Message">The typed request message (e.g. <c>RegisterResourceRequest</c>, <c>Empty</c>).</param>
public sealed record RecordedRequest(int Sequence, string Service, string Rpc, IMessage Message)
{
    /// <summary>The request as <typeparamref name="T"/>; throws when it is another message type.</summary>
    /// <typeparam name="T">The expected request type.</typeparam>
    public T As<T>()
        where T : IMessage => Message is T typed
            ? typed
            : throw new InvalidOperationException($"Request #{Sequence} ({Rpc}) is a {Message.Descriptor.FullName}, not {typeof(T).Name}.");

    /// <inheritdoc/>
    public override string ToString() => $"#{Sequence} {Service}/{Rpc}";
}
