using System.Buffers.Binary;
using System.Net.Sockets;

namespace Infra.Engine.Providers.Command;

/// <summary>
/// A minimal ssh-agent client over a unix socket: lists the agent's identities and asks it to sign. Each request
/// uses its own short-lived connection (an agent serves many clients), bounded by <see cref="IoTimeout"/>. Calls are
/// synchronous because SSH.NET signs synchronously during authentication.
/// </summary>
internal sealed class SshAgentClient
{
    /// <summary>How long one send or receive may take before the agent counts as not answering.</summary>
    public static readonly TimeSpan IoTimeout = TimeSpan.FromSeconds(30);

    public SshAgentClient(string socketPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(socketPath);
        SocketPath = socketPath;
    }

    /// <summary>The agent's socket.</summary>
    public string SocketPath { get; }

    /// <summary>The agent's keys (SSH_AGENTC_REQUEST_IDENTITIES).</summary>
    /// <exception cref="SshAgentException">The agent is not reachable or its answer is unusable.</exception>
    public IReadOnlyList<SshAgentIdentity> RequestIdentities()
    {
        var body = Exchange(SshAgentProtocol.EncodeRequestIdentities());
        return Decode(() => SshAgentProtocol.DecodeIdentities(body));
    }

    /// <summary>The signature blob (format and signature) of <paramref name="data"/> by the key <paramref name="keyBlob"/>.</summary>
    /// <exception cref="SshAgentException">The agent is not reachable, refused, or its answer is unusable.</exception>
    public byte[] Sign(byte[] keyBlob, byte[] data, uint flags)
    {
        var body = Exchange(SshAgentProtocol.EncodeSignRequest(keyBlob, data, flags));
        return Decode(() => SshAgentProtocol.DecodeSignResponse(body));
    }

    private static T Decode<T>(Func<T> decode)
    {
        try
        {
            return decode();
        }
        catch (InvalidDataException exception)
        {
            throw new SshAgentException("the agent's answer is not valid: " + exception.Message, exception);
        }
    }

    private byte[] Exchange(byte[] request)
    {
        if (!File.Exists(SocketPath) && !Directory.Exists(SocketPath))
        {
            throw new SshAgentException("the socket does not exist");
        }

        try
        {
            using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified)
            {
                SendTimeout = (int)IoTimeout.TotalMilliseconds,
                ReceiveTimeout = (int)IoTimeout.TotalMilliseconds,
            };
            socket.Connect(new UnixDomainSocketEndPoint(SocketPath));
            socket.Send(request);
            var header = new byte[4];
            ReceiveExactly(socket, header);
            var length = BinaryPrimitives.ReadUInt32BigEndian(header);
            if (length is 0 or > SshAgentProtocol.MaxMessageLength)
            {
                throw new SshAgentException($"the agent's answer is not valid: a message of {length} bytes (allowed 1 to {SshAgentProtocol.MaxMessageLength})");
            }

            var body = new byte[length];
            ReceiveExactly(socket, body);
            return body;
        }
        catch (SocketException exception)
        {
            throw new SshAgentException(Describe(exception), exception);
        }
    }

    private static void ReceiveExactly(Socket socket, byte[] buffer)
    {
        var read = 0;
        while (read < buffer.Length)
        {
            var n = socket.Receive(buffer, read, buffer.Length - read, SocketFlags.None);
            if (n == 0)
            {
                throw new SshAgentException("the agent closed the connection without answering");
            }

            read += n;
        }
    }

    private static string Describe(SocketException exception) => exception.SocketErrorCode switch
    {
        SocketError.ConnectionRefused => "nothing listens on the socket (connection refused; is the agent running?)",
        SocketError.AddressNotAvailable or SocketError.AddressFamilyNotSupported => "the path is not a usable unix socket",
        SocketError.AccessDenied => "permission denied",
        SocketError.TimedOut or SocketError.WouldBlock => "the agent did not answer within " + (int)IoTimeout.TotalSeconds + "s",
        SocketError.ConnectionReset => "the agent closed the connection",
        _ => exception.Message,
    };
}
