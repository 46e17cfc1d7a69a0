using System.Buffers.Binary;
using System.Text;

namespace Infra.Engine.Providers.Command;

/// <summary>
/// The ssh-agent wire format (draft-miller-ssh-agent): every message is a uint32 big-endian length followed by a
/// type byte and its payload; strings are uint32 length-prefixed bytes. Only the two requests a client needs for
/// authentication are encoded here: the identity list and the signature request.
/// </summary>
internal static class SshAgentProtocol
{
    /// <summary>The agent could not perform the request.</summary>
    public const byte Failure = 5;

    /// <summary>SSH_AGENTC_REQUEST_IDENTITIES.</summary>
    public const byte RequestIdentities = 11;

    /// <summary>SSH_AGENT_IDENTITIES_ANSWER.</summary>
    public const byte IdentitiesAnswer = 12;

    /// <summary>SSH_AGENTC_SIGN_REQUEST.</summary>
    public const byte SignRequest = 13;

    /// <summary>SSH_AGENT_SIGN_RESPONSE.</summary>
    public const byte SignResponse = 14;

    /// <summary>Sign flag: an <c>rsa-sha2-256</c> signature for an RSA key.</summary>
    public const uint RsaSha2256 = 2;

    /// <summary>Sign flag: an <c>rsa-sha2-512</c> signature for an RSA key.</summary>
    public const uint RsaSha2512 = 4;

    /// <summary>The largest message accepted from an agent (the draft's recommended limit).</summary>
    public const int MaxMessageLength = 256 * 1024;

    /// <summary>The framed SSH_AGENTC_REQUEST_IDENTITIES message.</summary>
    public static byte[] EncodeRequestIdentities() => Frame(RequestIdentities, []);

    /// <summary>The framed SSH_AGENTC_SIGN_REQUEST for <paramref name="keyBlob"/> over <paramref name="data"/>.</summary>
    public static byte[] EncodeSignRequest(ReadOnlySpan<byte> keyBlob, ReadOnlySpan<byte> data, uint flags)
    {
        var payload = new byte[4 + keyBlob.Length + 4 + data.Length + 4];
        var offset = WriteString(payload, 0, keyBlob);
        offset = WriteString(payload, offset, data);
        BinaryPrimitives.WriteUInt32BigEndian(payload.AsSpan(offset), flags);
        return Frame(SignRequest, payload);
    }

    /// <summary>Frames <paramref name="payload"/> as a message of <paramref name="type"/>.</summary>
    public static byte[] Frame(byte type, ReadOnlySpan<byte> payload)
    {
        var message = new byte[4 + 1 + payload.Length];
        BinaryPrimitives.WriteUInt32BigEndian(message, (uint)(1 + payload.Length));
        message[4] = type;
        payload.CopyTo(message.AsSpan(5));
        return message;
    }

    /// <summary>Reads the identities of an SSH_AGENT_IDENTITIES_ANSWER body (type byte first, no length).</summary>
    public static IReadOnlyList<SshAgentIdentity> DecodeIdentities(ReadOnlySpan<byte> body)
    {
        ExpectType(body, IdentitiesAnswer, "the identity list");
        var offset = 1;
        var count = ReadUInt32(body, ref offset);
        if (count > (uint)body.Length)
        {
            throw new InvalidDataException($"the agent's identity list claims {count} keys in {body.Length} bytes");
        }

        var identities = new List<SshAgentIdentity>((int)count);
        for (var i = 0; i < count; i++)
        {
            var blob = ReadString(body, ref offset).ToArray();
            var comment = Encoding.UTF8.GetString(ReadString(body, ref offset));
            identities.Add(new SshAgentIdentity(blob, comment));
        }

        return identities;
    }

    /// <summary>Reads the signature blob (string format, string signature) of an SSH_AGENT_SIGN_RESPONSE body.</summary>
    public static byte[] DecodeSignResponse(ReadOnlySpan<byte> body)
    {
        ExpectType(body, SignResponse, "a signature");
        var offset = 1;
        var signature = ReadString(body, ref offset).ToArray();
        if (signature.Length == 0)
        {
            throw new InvalidDataException("the agent returned an empty signature");
        }

        return signature;
    }

    /// <summary>The first string of an SSH wire blob: the key type of a public key blob, the format of a signature.</summary>
    public static string LeadingName(ReadOnlySpan<byte> blob)
    {
        var offset = 0;
        return Encoding.ASCII.GetString(ReadString(blob, ref offset));
    }

    /// <summary>Reads a uint32 length-prefixed string at <paramref name="offset"/> and advances past it.</summary>
    public static ReadOnlySpan<byte> ReadString(ReadOnlySpan<byte> buffer, ref int offset)
    {
        var length = ReadUInt32(buffer, ref offset);
        if (length > (uint)(buffer.Length - offset))
        {
            throw new InvalidDataException($"a string of {length} bytes runs past the end of the agent's {buffer.Length}-byte message");
        }

        var value = buffer.Slice(offset, (int)length);
        offset += (int)length;
        return value;
    }

    private static uint ReadUInt32(ReadOnlySpan<byte> buffer, ref int offset)
    {
        if (buffer.Length - offset < 4)
        {
            throw new InvalidDataException($"the agent's {buffer.Length}-byte message ends early");
        }

        var value = BinaryPrimitives.ReadUInt32BigEndian(buffer[offset..]);
        offset += 4;
        return value;
    }

    private static int WriteString(Span<byte> buffer, int offset, ReadOnlySpan<byte> value)
    {
        BinaryPrimitives.WriteUInt32BigEndian(buffer[offset..], (uint)value.Length);
        value.CopyTo(buffer[(offset + 4)..]);
        return offset + 4 + value.Length;
    }

    private static void ExpectType(ReadOnlySpan<byte> body, byte expected, string what)
    {
        if (body.IsEmpty)
        {
            throw new InvalidDataException($"the agent sent an empty message instead of {what}");
        }

        if (body[0] == Failure)
        {
            throw new SshAgentException($"the agent refused the request (SSH_AGENT_FAILURE instead of {what})");
        }

        if (body[0] != expected)
        {
            throw new InvalidDataException($"the agent answered with message type {body[0]} instead of {what} (type {expected})");
        }
    }
}
