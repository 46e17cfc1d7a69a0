namespace Infra.Command;

/// <summary>Facts about the <c>command</c> provider package this assembly targets.</summary>
public static class CommandPackage
{
    /// <summary>The package name (first segment of every type token).</summary>
    public const string Name = "command";

    /// <summary>The provider version every registration and invoke pins unless the options set one (command 1.x).</summary>
    public const string Version = "1.0.0";

    /// <summary>Marks an input secret, as the provider schema does for <c>connection</c>.</summary>
    internal static Input<T> Secret<T>(Input<T> value) => Output.CreateSecret(value.ToOutput());
}
