namespace Infra.Runtime;

/// <summary>
/// Marks outputs of a resource whose registration the engine reported as failed; it is not logged
/// again by the program (the engine already showed the cause).
/// </summary>
internal sealed class ResourceFailedException(Resource resource)
    : ResourceException($"{resource} failed; the engine reported the cause.", resource);
