using System.Buffers.Binary;
using System.Text;

namespace Infra.Engine.Providers.Tls;

/// <summary>Reads the SSH wire encoding; every read past the end throws <see cref="FormatException"/>.</summary>
internal sealed class SshWireReader(byte[] data, int offset = 0)
{
    private int _position = offset;

    public bool AtEnd => _position >= data.Length;

    public uint ReadUInt32()
    {
        Require(4);
        var value = BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(_position, 4));
        _position += 4;
        return value;
    }

    public byte[] ReadBytes()
    {
        var length = ReadUInt32();
        if (length > int.MaxValue)
        {
            throw new FormatException("an SSH string length is out of range");
        }

        Require((int)length);
        var value = data.AsSpan(_position, (int)length).ToArray();
        _position += (int)length;
        return value;
    }

    public string ReadString() => Encoding.ASCII.GetString(ReadBytes());

    /// <summary>Reads an mpint as an unsigned big-endian integer (leading zeros removed).</summary>
    public byte[] ReadMpint()
    {
        var bytes = ReadBytes();
        var start = 0;
        while (start < bytes.Length && bytes[start] == 0)
        {
            start++;
        }

        return bytes[start..];
    }

    public byte[] ReadRaw(int count)
    {
        Require(count);
        var value = data.AsSpan(_position, count).ToArray();
        _position += count;
        return value;
    }

    private void Require(int count)
    {
        if (count < 0 || _position + count > data.Length)
        {
            throw new FormatException("the SSH data ends early");
        }
    }
}
