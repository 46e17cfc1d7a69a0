using System.Globalization;
using System.Net;
using Infra.Protocol;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Infra.Engine.Server;

/// <summary>
/// Kestrel on <c>127.0.0.1:0</c>, plaintext HTTP/2 (h2c), serving <c>pulumirpc.ResourceMonitor</c> and
/// <c>pulumirpc.Engine</c> for one run with 400 MiB messages. Both services share one port, which is
/// what <c>PULUMI_MONITOR</c> and <c>PULUMI_ENGINE</c> point at.
/// </summary>
internal sealed class DeploymentServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private DeploymentServer(WebApplication app, int port)
    {
        _app = app;
        Address = string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{port}");
    }

    /// <summary>The endpoint, <c>127.0.0.1:&lt;port&gt;</c>.</summary>
    public string Address { get; }

    /// <summary>Starts serving <paramref name="session"/>.</summary>
    public static async Task<DeploymentServer> StartAsync(MonitorSession session, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });

        // Nothing from appsettings.json or ASPNETCORE_* variables may add endpoints or change limits.
        builder.Configuration.Sources.Clear();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = null;
            kestrel.Limits.Http2.MaxStreamsPerConnection = 10_000;
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2);
        });
        builder.Services.AddGrpc(grpc =>
        {
            grpc.MaxReceiveMessageSize = WireConstants.MaxMessageSize;
            grpc.MaxSendMessageSize = WireConstants.MaxMessageSize;
        });
        builder.Services.AddSingleton(session);
        builder.Services.AddSingleton<ResourceMonitorService>();
        builder.Services.AddSingleton<EngineService>();

        var app = builder.Build();
        app.MapGrpcService<ResourceMonitorService>();
        app.MapGrpcService<EngineService>();
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (address is null)
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw new InvalidOperationException("The deployment server did not report the port it listens on.");
        }

        return new DeploymentServer(app, new Uri(address).Port);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        using (var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
        {
            try
            {
                await _app.StopAsync(stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // In-flight calls are abandoned after the grace period.
            }
        }

        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
