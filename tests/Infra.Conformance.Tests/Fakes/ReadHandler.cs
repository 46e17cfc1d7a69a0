using Google.Protobuf.WellKnownTypes;
using Infra.Protocol.Rpc;

namespace Infra.Conformance.Tests.Fakes;

/// <summary>Answers a <c>ReadResource</c> of one type with the resource's state (e.g. a <c>pulumi:pulumi:StackReference</c>).</summary>
/// <param name="request">The read request.</param>
public delegate Struct ReadHandler(ReadResourceRequest request);
