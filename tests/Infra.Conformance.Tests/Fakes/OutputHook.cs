using Google.Protobuf.WellKnownTypes;
using Infra.Protocol.Rpc;

namespace Infra.Conformance.Tests.Fakes;

/// <summary>
/// Produces the output <c>object</c> the strict engine answers for a registration. The result is then
/// marshalled like the real engine does (secrets unwrapped without <c>acceptSecrets</c>, references
/// downgraded without <c>acceptResources</c>, unknown top-level keys dropped without <c>supportsPartialValues</c>).
/// </summary>
/// <param name="request">The registration request.</param>
/// <param name="urn">The URN the engine assigned.</param>
public delegate Struct OutputHook(RegisterResourceRequest request, string urn);
