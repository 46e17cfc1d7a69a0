using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace Infra.Engine.Providers.Tls;

/// <summary>Writes the SSH wire encoding (RFC 4251 §5): uint32, string and mpint.</summary>
internal sealed class SshWireWriter
{
    private readonly ArrayBufferWriter<byte> _buffer = new();

    public void WriteUInt32(uint value)
    {
        BinaryPrimitives.WriteUInt32BigEndian(_buffer.GetSpan(4), value);
        _buffer.Advance(4);
    }

    public void WriteString(ReadOnlySpan<byte> value)
    {
        WriteUInt32((uint)value.Length);
        _buffer.Write(value);
    }

    public void WriteString(string value) => WriteString(Encoding.ASCII.GetBytes(value));

    /// <summary>Writes an unsigned big-endian integer as an mpint (minimal, with a leading zero when the high bit is set).</summary>
    public void WriteMpint(ReadOnlySpan<byte> unsignedBigEndian)
    {
        var start = 0;
        while (start < unsignedBigEndian.Length && unsignedBigEndian[start] == 0)
        {
            start++;
        }

        var value = unsignedBigEndian[start..];
        if (value.Length > 0 && (value[0] & 0x80) != 0)
        {
            WriteUInt32((uint)value.Length + 1);
            _buffer.Write([(byte)0]);
            _buffer.Write(value);
        }
        else
        {
            WriteString(value);
        }
    }

    public void WriteRaw(ReadOnlySpan<byte> bytes) => _buffer.Write(bytes);

    public int Length => _buffer.WrittenCount;

    public byte[] ToArray() => _buffer.WrittenSpan.ToArray();
}
