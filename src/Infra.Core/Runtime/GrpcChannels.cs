using System.Net.Http;
using Grpc.Net.Client;
using Infra.Protocol;

namespace Infra.Runtime;

/// <summary>Creates the plaintext HTTP/2 channels to the engine the way the protocol needs them.</summary>
internal static class GrpcChannels
{
    public static GrpcChannel Create(string address)
    {
        var handler = new SocketsHttpHandler
        {
            EnableMultipleHttp2Connections = true,
            PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
            KeepAlivePingDelay = TimeSpan.FromSeconds(60),
            KeepAlivePingTimeout = TimeSpan.FromSeconds(30),
        };
        return GrpcChannel.ForAddress(
            "http://" + address,
            new GrpcChannelOptions
            {
                HttpHandler = handler,
                DisposeHttpClient = true,
                MaxReceiveMessageSize = WireConstants.MaxMessageSize,
                MaxSendMessageSize = WireConstants.MaxMessageSize,
            });
    }
}
