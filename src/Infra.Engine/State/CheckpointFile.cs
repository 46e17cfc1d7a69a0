namespace Infra.Engine.State;

/// <summary>A checkpoint as read from disk: its format version, the stack name it records and its deployment (null for a stack never deployed).</summary>
internal sealed record CheckpointFile(int Version, string Stack, StackSnapshot? Latest);
