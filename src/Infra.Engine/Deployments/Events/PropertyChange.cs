using Infra.Protocol.Values;

namespace Infra.Engine.Deployments.Events;

/// <summary>One property-level difference. Old or New is null when the property was added or removed.</summary>
internal sealed record PropertyChange(string Path, PropertyChangeKind Kind, PropertyValue? Old, PropertyValue? New);
