namespace Infra.Engine.Programs;

/// <summary><c>dotnet build</c> of the program failed; the message lists the build errors.</summary>
internal sealed class ProgramBuildException(string message) : Exception(message);
