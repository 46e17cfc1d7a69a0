using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Infra.Cli.Rendering;

/// <summary>Builds JSON text for the CLI's machine-readable outputs (no HTML escaping, LF line ends).</summary>
internal static class CliJson
{
    /// <summary>Writes one JSON document with <paramref name="write"/> and returns its text (no trailing newline).</summary>
    /// <param name="indentSize">Spaces per level; 0 writes compact JSON on one line.</param>
    /// <param name="write">Writes exactly one value.</param>
    public static string Build(int indentSize, Action<Utf8JsonWriter> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        using var buffer = new MemoryStream();
        var options = new JsonWriterOptions
        {
            Indented = indentSize > 0,
            IndentSize = indentSize > 0 ? indentSize : 2,
            NewLine = "\n",
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        using (var writer = new Utf8JsonWriter(buffer, options))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
