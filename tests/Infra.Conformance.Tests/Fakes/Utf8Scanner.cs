using System.Text.Unicode;
using Google.Protobuf.Reflection;

namespace Infra.Conformance.Tests.Fakes;

/// <summary>
/// Walks the raw protobuf bytes of a request with its descriptor and reports every <c>string</c> field
/// (at any depth, including Struct keys and values) that is not valid UTF-8. The .NET parser would
/// silently substitute U+FFFD; the real engine (grpc-go) rejects such requests.
/// </summary>
internal static class Utf8Scanner
{
    /// <summary>Adds the path of every invalid string field to <paramref name="invalid"/>; stops quietly at malformed bytes.</summary>
    public static void Scan(MessageDescriptor descriptor, ReadOnlySpan<byte> message, string path, List<string> invalid)
    {
        var position = 0;
        while (position < message.Length)
        {
            if (!TryReadVarint(message, ref position, out var tag))
            {
                return;
            }

            var number = (int)(tag >> 3);
            var wireType = (int)(tag & 7);
            switch (wireType)
            {
                case 0:
                    if (!TryReadVarint(message, ref position, out _))
                    {
                        return;
                    }

                    break;
                case 1:
                    position += 8;
                    break;
                case 5:
                    position += 4;
                    break;
                case 2:
                    {
                        if (!TryReadVarint(message, ref position, out var length) || length > (ulong)(message.Length - position))
                        {
                            return;
                        }

                        var payload = message.Slice(position, (int)length);
                        position += (int)length;
                        var field = descriptor.FindFieldByNumber(number);
                        var fieldPath = path.Length == 0 ? field?.Name ?? $"#{number}" : $"{path}.{field?.Name ?? $"#{number}"}";
                        if (field?.FieldType == FieldType.String && !Utf8.IsValid(payload))
                        {
                            invalid.Add(fieldPath);
                        }
                        else if (field?.FieldType == FieldType.Message)
                        {
                            Scan(field.MessageType, payload, fieldPath, invalid);
                        }

                        break;
                    }

                default:
                    return;
            }
        }
    }

    private static bool TryReadVarint(ReadOnlySpan<byte> data, ref int position, out ulong value)
    {
        value = 0;
        for (var shift = 0; shift < 64 && position < data.Length; shift += 7)
        {
            var b = data[position++];
            value |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return true;
            }
        }

        return false;
    }
}
