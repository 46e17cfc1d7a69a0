using System.Collections.Immutable;

namespace Infra.Engine.Providers;

/// <summary>Thrown when no built-in provider serves a package, or a provider reference is not known.</summary>
internal sealed class ProviderNotFoundException : Exception
{
    public ProviderNotFoundException(string message, string package, ImmutableArray<string> builtInPackages)
        : base(message)
    {
        Package = package;
        BuiltInPackages = builtInPackages;
    }

    /// <summary>The package that was asked for.</summary>
    public string Package { get; }

    /// <summary>The packages the registry can serve.</summary>
    public ImmutableArray<string> BuiltInPackages { get; }
}
