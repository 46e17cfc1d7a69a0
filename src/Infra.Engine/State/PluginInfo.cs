namespace Infra.Engine.State;

/// <summary>A plugin recorded in the manifest (<c>{name, path, type, version}</c>).</summary>
internal sealed record PluginInfo(string Name, string Path, string Type, string Version);
