namespace Infra.Engine.State;

/// <summary><c>metadata.integrity_error</c>: a snapshot written despite failing its integrity check.</summary>
internal sealed record IntegrityErrorMetadata(string Version, string Command, string Error);
