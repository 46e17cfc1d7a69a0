using System.Buffers.Binary;
using Google.Protobuf.Reflection;
using Infra.Protocol.Rpc;
using Microsoft.AspNetCore.Http;
using RpcEngine = Infra.Protocol.Rpc.Engine;

namespace Infra.Conformance.Tests.Fakes;

/// <summary>
/// Middleware in front of the gRPC endpoints: records requests sent to the wrong address (Engine RPCs
/// belong on PULUMI_ENGINE, monitor RPCs on PULUMI_MONITOR; the handler then answers UNIMPLEMENTED) and
/// string fields holding invalid UTF-8 (answered here with INTERNAL, as grpc-go does; such a request
/// cannot be parsed, so it is not in <see cref="StrictEngine.Requests"/>).
/// </summary>
internal sealed class TransportChecks(EngineState state, Func<(int Monitor, int Engine)> ports)
{
    private static readonly Dictionary<string, MessageDescriptor> InputTypes = BuildInputTypes();

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var path = context.Request.Path.Value ?? "";
        var (monitorPort, enginePort) = ports();
        var localPort = context.Connection.LocalPort;
        var rpc = path[(path.LastIndexOf('/') + 1)..];
        if (path.StartsWith("/pulumirpc.Engine/", StringComparison.Ordinal) && localPort != enginePort)
        {
            Flag(context, rpc, $"PULUMI_ENGINE (127.0.0.1:{enginePort})", $"127.0.0.1:{localPort}");
        }
        else if (path.StartsWith("/pulumirpc.ResourceMonitor/", StringComparison.Ordinal) && localPort != monitorPort)
        {
            Flag(context, rpc, $"PULUMI_MONITOR (127.0.0.1:{monitorPort})", $"127.0.0.1:{localPort}");
        }

        if (InputTypes.TryGetValue(path, out var descriptor))
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
            var bytes = buffer.ToArray();
            var invalid = ScanFrames(descriptor, bytes);
            if (invalid.Count > 0)
            {
                // The .NET parser cannot even read such a message; answer as grpc-go does, trailers-only.
                state.AddViolations(invalid.Select(field => new Violation(rpc, "-", field, "strings must be valid UTF-8", "invalid UTF-8 bytes")));
                context.Response.StatusCode = StatusCodes.Status200OK;
                context.Response.ContentType = "application/grpc";
                context.Response.Headers["grpc-status"] = ((int)Grpc.Core.StatusCode.Internal).ToString(System.Globalization.CultureInfo.InvariantCulture);
                context.Response.Headers["grpc-message"] = Uri.EscapeDataString($"grpc: error unmarshalling request: string field contains invalid UTF-8 ({string.Join(", ", invalid)})");
                return;
            }

            context.Request.Body = new MemoryStream(bytes, writable: false);
        }

        await next(context).ConfigureAwait(false);
    }

    private void Flag(HttpContext context, string rpc, string expected, string actual)
    {
        context.Items[EngineState.WrongAddressItemKey] = expected;
        state.AddViolation(new Violation(rpc, "-", "address", $"must be sent to {expected}", actual));
    }

    private static List<string> ScanFrames(MessageDescriptor descriptor, byte[] body)
    {
        List<string> invalid = [];
        var offset = 0;
        while (offset + 5 <= body.Length)
        {
            var compressed = body[offset] != 0;
            var length = BinaryPrimitives.ReadUInt32BigEndian(body.AsSpan(offset + 1, 4));
            if (length > (uint)(body.Length - offset - 5))
            {
                break;
            }

            if (!compressed)
            {
                Utf8Scanner.Scan(descriptor, body.AsSpan(offset + 5, (int)length), "", invalid);
            }

            offset += 5 + (int)length;
        }

        return invalid;
    }

    private static Dictionary<string, MessageDescriptor> BuildInputTypes()
    {
        var result = new Dictionary<string, MessageDescriptor>(StringComparer.Ordinal);
        foreach (var service in new[] { ResourceMonitor.Descriptor, RpcEngine.Descriptor })
        {
            foreach (var method in service.Methods)
            {
                result[$"/{service.FullName}/{method.Name}"] = method.InputType;
            }
        }

        return result;
    }
}
