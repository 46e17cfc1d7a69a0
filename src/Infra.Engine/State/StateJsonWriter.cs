using System.Buffers;
using System.Globalization;
using System.Text;

namespace Infra.Engine.State;

/// <summary>
/// A small forward-only JSON writer that produces the same bytes as Go's <c>encoding/json</c>, which
/// is what the Pulumi CLI writes: no HTML escaping (unless asked), raw UTF-8 for every non-control
/// character (including astral characters, which <c>System.Text.Json</c> always escapes), lowercase
/// <c>\u00xx</c> escapes, <c>\u2028</c>/<c>\u2029</c> escaped, and Go's float layout
/// (<c>1e+21</c>, <c>1e-7</c>). Compact by default; <c>indentSize</c> gives <c>MarshalIndent</c> output.
/// </summary>
internal sealed class StateJsonWriter : IDisposable
{
    private const int FlushThreshold = 64 * 1024;
    private const string Hex = "0123456789abcdef";

    private readonly Stream? _stream;
    private readonly int _indentSize;
    private readonly bool _escapeHtml;
    private byte[] _buffer;
    private int _position;
    private int _depth;
    private bool[] _hasItems = new bool[32];
    private bool _afterPropertyName;

    /// <summary>Creates a writer that flushes to <paramref name="stream"/>.</summary>
    public StateJsonWriter(Stream stream, int indentSize = 0, bool escapeHtml = false)
        : this(indentSize, escapeHtml)
    {
        _stream = stream;
    }

    /// <summary>Creates a writer that keeps everything in memory (see <see cref="ToUtf8String"/>).</summary>
    public StateJsonWriter(int indentSize = 0, bool escapeHtml = false)
    {
        _indentSize = indentSize;
        _escapeHtml = escapeHtml;
        _buffer = ArrayPool<byte>.Shared.Rent(4096);
    }

    /// <summary>The bytes written and not yet flushed.</summary>
    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, _position);

    public void WriteStartObject()
    {
        BeforeValue();
        WriteByte((byte)'{');
        Push();
    }

    public void WriteEndObject() => End((byte)'}');

    public void WriteStartArray()
    {
        BeforeValue();
        WriteByte((byte)'[');
        Push();
    }

    public void WriteEndArray() => End((byte)']');

    public void WritePropertyName(string name)
    {
        BeforeValue();
        WriteQuoted(name);
        WriteByte((byte)':');
        if (_indentSize > 0)
        {
            WriteByte((byte)' ');
        }

        _afterPropertyName = true;
    }

    public void WriteStringValue(string value)
    {
        BeforeValue();
        WriteQuoted(value);
    }

    public void WriteNumberValue(double value)
    {
        BeforeValue();
        WriteAscii(FormatNumber(value));
    }

    public void WriteNumberValue(long value)
    {
        BeforeValue();
        WriteAscii(value.ToString(CultureInfo.InvariantCulture));
    }

    public void WriteBooleanValue(bool value)
    {
        BeforeValue();
        WriteAscii(value ? "true" : "false");
    }

    public void WriteNullValue()
    {
        BeforeValue();
        WriteAscii("null");
    }

    public void WriteString(string name, string value)
    {
        WritePropertyName(name);
        WriteStringValue(value);
    }

    public void WriteBoolean(string name, bool value)
    {
        WritePropertyName(name);
        WriteBooleanValue(value);
    }

    public void WriteNumber(string name, double value)
    {
        WritePropertyName(name);
        WriteNumberValue(value);
    }

    public void WriteNumber(string name, long value)
    {
        WritePropertyName(name);
        WriteNumberValue(value);
    }

    /// <summary>Writes a parsed JSON value as is (objects keep their member order; numbers keep their text).</summary>
    public void WriteElement(System.Text.Json.JsonElement element)
    {
        switch (element.ValueKind)
        {
            case System.Text.Json.JsonValueKind.Object:
                WriteStartObject();
                foreach (var property in element.EnumerateObject())
                {
                    WritePropertyName(property.Name);
                    WriteElement(property.Value);
                }

                WriteEndObject();
                break;
            case System.Text.Json.JsonValueKind.Array:
                WriteStartArray();
                foreach (var item in element.EnumerateArray())
                {
                    WriteElement(item);
                }

                WriteEndArray();
                break;
            case System.Text.Json.JsonValueKind.String:
                WriteStringValue(element.GetString()!);
                break;
            case System.Text.Json.JsonValueKind.Number:
                BeforeValue();
                WriteAscii(element.GetRawText());
                break;
            case System.Text.Json.JsonValueKind.True:
                WriteBooleanValue(true);
                break;
            case System.Text.Json.JsonValueKind.False:
                WriteBooleanValue(false);
                break;
            default:
                WriteNullValue();
                break;
        }
    }

    /// <summary>Writes a trailing newline (Go's <c>Encoder.Encode</c> ends every document with one).</summary>
    public void WriteNewLine() => WriteByte((byte)'\n');

    /// <summary>Whether this writer writes compact JSON without HTML escaping (the checkpoint file's layout).</summary>
    public bool IsCompactUnescaped => _indentSize == 0 && !_escapeHtml;

    /// <summary>
    /// Writes one complete JSON value that was written earlier by a writer with the same settings
    /// (<paramref name="json"/> is copied as is; the caller guarantees it is valid).
    /// </summary>
    public void WriteRawValue(ReadOnlySpan<byte> json)
    {
        BeforeValue();
        Ensure(json.Length);
        json.CopyTo(_buffer.AsSpan(_position));
        _position += json.Length;
        MaybeFlushInsideDocument();
    }

    /// <summary>Writes buffered bytes to the stream (no-op for an in-memory writer).</summary>
    public void Flush()
    {
        if (_stream is not null && _position > 0)
        {
            _stream.Write(_buffer, 0, _position);
            _position = 0;
        }
    }

    /// <summary>The document written so far, for an in-memory writer.</summary>
    public string ToUtf8String() => Encoding.UTF8.GetString(_buffer, 0, _position);

    /// <summary>A copy of the bytes written so far, for an in-memory writer.</summary>
    public byte[] ToArray() => _buffer.AsSpan(0, _position).ToArray();

    public void Dispose()
    {
        var buffer = _buffer;
        _buffer = [];
        _position = 0;
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Formats a double exactly as Go's <c>encoding/json</c> does.</summary>
    internal static string FormatNumber(double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "JSON cannot hold NaN or infinity.");
        }

        if (value == 0)
        {
            return double.IsNegative(value) ? "-0" : "0";
        }

        var abs = Math.Abs(value);
        if (abs < 1e15 && Math.Floor(abs) == abs)
        {
            return ((long)value).ToString(CultureInfo.InvariantCulture);
        }

        // Shortest round-trip digits and the decimal exponent, then Go's layout.
        var text = abs.ToString("R", CultureInfo.InvariantCulture);
        var exponent = 0;
        var e = text.IndexOfAny(['E', 'e']);
        if (e >= 0)
        {
            exponent = int.Parse(text.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            text = text[..e];
        }

        var dot = text.IndexOf('.', StringComparison.Ordinal);
        var digits = dot >= 0 ? string.Concat(text.AsSpan(0, dot), text.AsSpan(dot + 1)) : text;
        var pointPosition = (dot >= 0 ? dot : text.Length) + exponent;
        var leadingZeros = 0;
        while (leadingZeros < digits.Length - 1 && digits[leadingZeros] == '0')
        {
            leadingZeros++;
        }

        digits = digits[leadingZeros..];
        pointPosition -= leadingZeros;
        digits = digits.TrimEnd('0');
        if (digits.Length == 0)
        {
            digits = "0";
        }

        var builder = new StringBuilder(32);
        if (value < 0)
        {
            builder.Append('-');
        }

        if (abs < 1e-6 || abs >= 1e21)
        {
            builder.Append(digits[0]);
            if (digits.Length > 1)
            {
                builder.Append('.').Append(digits, 1, digits.Length - 1);
            }

            var x = pointPosition - 1;
            builder.Append('e').Append(x < 0 ? '-' : '+');
            var magnitude = Math.Abs(x).ToString(CultureInfo.InvariantCulture);
            if (magnitude.Length < 2 && x >= 0)
            {
                builder.Append('0');
            }

            builder.Append(magnitude);
        }
        else if (pointPosition <= 0)
        {
            builder.Append("0.").Append('0', -pointPosition).Append(digits);
        }
        else if (pointPosition >= digits.Length)
        {
            builder.Append(digits).Append('0', pointPosition - digits.Length);
        }
        else
        {
            builder.Append(digits, 0, pointPosition).Append('.').Append(digits, pointPosition, digits.Length - pointPosition);
        }

        return builder.ToString();
    }

    private void BeforeValue()
    {
        if (_afterPropertyName)
        {
            _afterPropertyName = false;
            return;
        }

        if (_depth > 0)
        {
            if (_hasItems[_depth])
            {
                WriteByte((byte)',');
            }

            _hasItems[_depth] = true;
            NewLineAndIndent(_depth);
        }
    }

    private void Push()
    {
        _depth++;
        if (_depth >= _hasItems.Length)
        {
            Array.Resize(ref _hasItems, _hasItems.Length * 2);
        }

        _hasItems[_depth] = false;
    }

    private void End(byte closing)
    {
        if (_depth == 0)
        {
            throw new InvalidOperationException("No open JSON object or array to close.");
        }

        var hadItems = _hasItems[_depth];
        _depth--;
        if (hadItems)
        {
            NewLineAndIndent(_depth);
        }

        WriteByte(closing);
        if (_depth == 0)
        {
            MaybeFlush();
        }
    }

    private void NewLineAndIndent(int depth)
    {
        if (_indentSize == 0)
        {
            return;
        }

        var count = depth * _indentSize;
        Ensure(count + 1);
        _buffer[_position++] = (byte)'\n';
        _buffer.AsSpan(_position, count).Fill((byte)' ');
        _position += count;
    }

    private void WriteByte(byte value)
    {
        Ensure(1);
        _buffer[_position++] = value;
    }

    private void WriteAscii(string value)
    {
        Ensure(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            _buffer[_position++] = (byte)value[i];
        }
    }

    private void WriteQuoted(string value)
    {
        // Worst case: every char becomes a six-byte \uXXXX escape.
        Ensure((value.Length * 6) + 2);
        var buffer = _buffer;
        buffer[_position++] = (byte)'"';
        var runStart = 0;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && !(_escapeHtml && (c == '<' || c == '>' || c == '&')))
            {
                continue;
            }

            if (c >= 0x7f && c != '\u2028' && c != '\u2029' && !char.IsSurrogate(c))
            {
                continue;
            }

            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
                continue;
            }

            FlushRun(value, runStart, i);
            WriteEscape(c);
            runStart = i + 1;
        }

        FlushRun(value, runStart, value.Length);
        _buffer[_position++] = (byte)'"';
        MaybeFlushInsideDocument();
    }

    private void FlushRun(string value, int start, int end)
    {
        if (end > start)
        {
            _position += Encoding.UTF8.GetBytes(value.AsSpan(start, end - start), _buffer.AsSpan(_position));
        }
    }

    private void WriteEscape(char c)
    {
        var buffer = _buffer;
        buffer[_position++] = (byte)'\\';
        switch (c)
        {
            case '"':
                buffer[_position++] = (byte)'"';
                return;
            case '\\':
                buffer[_position++] = (byte)'\\';
                return;
            case '\n':
                buffer[_position++] = (byte)'n';
                return;
            case '\r':
                buffer[_position++] = (byte)'r';
                return;
            case '\t':
                buffer[_position++] = (byte)'t';
                return;
            case '\b':
                buffer[_position++] = (byte)'b';
                return;
            case '\f':
                buffer[_position++] = (byte)'f';
                return;
            default:
                break;
        }

        // Lone surrogates are invalid UTF-8 in Go and become U+FFFD.
        int code = char.IsSurrogate(c) ? 0xfffd : c;
        buffer[_position++] = (byte)'u';
        buffer[_position++] = (byte)Hex[(code >> 12) & 0xf];
        buffer[_position++] = (byte)Hex[(code >> 8) & 0xf];
        buffer[_position++] = (byte)Hex[(code >> 4) & 0xf];
        buffer[_position++] = (byte)Hex[code & 0xf];
    }

    private void Ensure(int count)
    {
        if (_buffer.Length - _position >= count)
        {
            return;
        }

        if (_stream is not null && _position > 0)
        {
            Flush();
            if (_buffer.Length >= count)
            {
                return;
            }
        }

        var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _position + count));
        _buffer.AsSpan(0, _position).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = larger;
    }

    private void MaybeFlush()
    {
        if (_stream is not null)
        {
            Flush();
        }
    }

    private void MaybeFlushInsideDocument()
    {
        if (_stream is not null && _position >= FlushThreshold)
        {
            Flush();
        }
    }
}
