using Infra.Protocol.Rpc;

namespace Infra.Conformance.Tests.Fakes;

/// <summary>Answers an <c>Invoke</c> of one function token (set <c>failures</c> to make it fail).</summary>
/// <param name="request">The invoke request.</param>
public delegate ResourceInvokeResponse InvokeHandler(ResourceInvokeRequest request);
