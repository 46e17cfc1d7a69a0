using Infra.Protocol.Rpc;

namespace Infra.Runtime;

/// <summary>The engine service the program logs to.</summary>
internal interface IEngine
{
    Task LogAsync(LogRequest request);
}
