using System.Buffers.Binary;
using System.Net.Sockets;

namespace Infra.Command.Tests.Providers.Command;

/// <summary>
/// A tiny scripted ssh-agent on a unix socket: for each connection it reads one framed request, records its body and
/// answers with the next scripted body (framed), or closes without answering when the script says null.
/// </summary>
internal sealed class FakeSshAgent : IAsyncDisposable
{
    private readonly Socket _listener;
    private readonly Queue<byte[]?> _answers;
    private readonly Task _loop;
    private readonly CancellationTokenSource _stop = new();

    public FakeSshAgent(string socketPath, params byte[]?[] answers)
    {
        SocketPath = socketPath;
        _answers = new Queue<byte[]?>(answers);
        _listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        _listener.Bind(new UnixDomainSocketEndPoint(socketPath));
        _listener.Listen();
        _loop = ServeAsync(_stop.Token);
    }

    public string SocketPath { get; }

    /// <summary>The bodies (type byte first) of the requests received.</summary>
    public List<byte[]> Requests { get; } = [];

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Dispose();
        try
        {
            await _loop;
        }
        catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        _stop.Dispose();
        File.Delete(SocketPath);
    }

    private async Task ServeAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            using var client = await _listener.AcceptAsync(cancellationToken);
            var header = new byte[4];
            await client.ReceiveAsync(header, cancellationToken);
            var body = new byte[BinaryPrimitives.ReadUInt32BigEndian(header)];
            var read = 0;
            while (read < body.Length)
            {
                read += await client.ReceiveAsync(body.AsMemory(read), cancellationToken);
            }

            lock (Requests)
            {
                Requests.Add(body);
            }

            if (_answers.Dequeue() is { } answer)
            {
                await client.SendAsync((byte[])[.. SshAgentProtocolTests.U32((uint)answer.Length), .. answer], cancellationToken);
            }
        }
    }
}
