using System.Collections.Concurrent;
using System.Collections.Immutable;
using Infra.Engine.Providers;
using Infra.Engine.Providers.ProxmoxVE;
using Infra.Protocol.Values;
using Infra.TestDoubles.ProxmoxVE;

namespace Infra.ProxmoxVE.Tests.Providers.ProxmoxVE;

/// <summary>A Proxmox VE double with a configured built-in provider pointed at it, plus request builders.</summary>
internal sealed class PveHarness : IAsyncDisposable
{
    public const string VmType = "proxmoxve:index/vmLegacy:VmLegacy";
    public const string ContainerType = "proxmoxve:index/containerLegacy:ContainerLegacy";
    public const string DownloadType = "proxmoxve:download/file:File";
    public const string StorageFileType = "proxmoxve:index/fileLegacy:FileLegacy";
    public const int TemplateId = 9000;

    public static readonly ProxmoxVEProviderOptions FastOptions = new()
    {
        TaskPollMinimum = TimeSpan.FromMilliseconds(2),
        TaskPollMaximum = TimeSpan.FromMilliseconds(20),
        LockRetryDelay = TimeSpan.FromMilliseconds(10),
        AgentPollInterval = TimeSpan.FromMilliseconds(10),
        Environment = _ => null,
    };

    private PveHarness(ProxmoxVEDouble server, ProxmoxVEProvider provider)
    {
        Double = server;
        Provider = provider;
    }

    public ProxmoxVEDouble Double { get; }

    public ProxmoxVEProvider Provider { get; }

    /// <summary>Progress lines reported so far.</summary>
    public ConcurrentQueue<string> ProgressLines { get; } = new();

    public IProgress<string> Progress => new SyncProgress(ProgressLines);

    public static async Task<PveHarness> StartAsync(ProxmoxVEDoubleOptions? doubleOptions = null, ProxmoxVEProviderOptions? providerOptions = null, Func<ProxmoxVEDouble, ImmutableSortedDictionary<string, PropertyValue>>? config = null)
    {
        var server = await ProxmoxVEDouble.StartAsync(doubleOptions ?? new ProxmoxVEDoubleOptions { CloneDuration = TimeSpan.FromMilliseconds(20), TaskDuration = TimeSpan.FromMilliseconds(2) });
        server.AddTemplate(TemplateId, "debian-12-template");
        var root = new ProxmoxVEProvider(TimeProvider.System, options: providerOptions ?? FastOptions);
        var provider = (ProxmoxVEProvider)root.Factory("proxmoxve", "8.0.0");
        await provider.ConfigureAsync(new ConfigureRequest { Config = config?.Invoke(server) ?? TokenConfig(server) });
        return new PveHarness(server, provider);
    }

    public static ImmutableSortedDictionary<string, PropertyValue> TokenConfig(ProxmoxVEDouble server) => Map(
        ("endpoint", PropertyValue.Create(server.Endpoint.ToString())),
        ("apiToken", PropertyValue.CreateSecret(PropertyValue.Create(server.ApiToken))));

    public static string Urn(string type, string name) => $"urn:pulumi:dev::homelab::{type}::{name}";

    public static ImmutableSortedDictionary<string, PropertyValue> Map(params (string Key, PropertyValue Value)[] members) =>
        PropertyMaps.Create(members.Select(m => KeyValuePair.Create(m.Key, m.Value)));

    public static PropertyValue Obj(params (string Key, PropertyValue Value)[] members) => PropertyValue.CreateObject(members.Select(m => KeyValuePair.Create(m.Key, m.Value)));

    public static PropertyValue Arr(params PropertyValue[] items) => PropertyValue.CreateArray(items);

    public static PropertyValue S(string value) => PropertyValue.Create(value);

    public static PropertyValue N(int value) => PropertyValue.Create(value);

    /// <summary>Inputs of a VM cloned from the template, with one grown disk, a VLAN NIC and cloud-init.</summary>
    public static ImmutableSortedDictionary<string, PropertyValue> CloneInputs(string name, int diskGb = 20, int? vmId = null, bool started = true) =>
        Map([
            ("nodeName", S("pve")),
            ("name", S(name)),
            ("clone", Obj(("vmId", N(TemplateId)), ("full", PropertyValue.True))),
            ("cpu", Obj(("cores", N(2)))),
            ("memory", Obj(("dedicated", N(2048)))),
            ("disks", Arr(Obj(("interface", S("scsi0")), ("datastoreId", S("local-lvm")), ("size", N(diskGb))))),
            ("networkDevices", Arr(Obj(("bridge", S("vmbr0")), ("vlanId", N(20))))),
            ("initialization", Obj(
                ("ipConfigs", Arr(Obj(("ipv4", Obj(("address", S("10.0.20.5/24")), ("gateway", S("10.0.20.1"))))))),
                ("userAccount", Obj(("username", S("ops")), ("password", PropertyValue.CreateSecret(S("cloud-pass"))), ("keys", Arr(S("ssh-ed25519 AAAA ops@lab"))))))),
            ("started", PropertyValue.Create(started)),
            .. vmId is { } id ? new[] { ("vmId", N(id)) } : [],
        ]);

    public Task<CheckResult> CheckAsync(string type, ImmutableSortedDictionary<string, PropertyValue> news, ImmutableSortedDictionary<string, PropertyValue>? olds = null) =>
        Provider.CheckAsync(new CheckRequest { Urn = Urn(type, "r"), Olds = olds ?? PropertyMaps.Empty, News = news });

    public Task<CreateResult> CreateAsync(string type, ImmutableSortedDictionary<string, PropertyValue> inputs, string name = "r", bool preview = false) =>
        Provider.CreateAsync(new CreateRequest { Urn = Urn(type, name), Inputs = inputs, Preview = preview, Progress = Progress });

    public async ValueTask DisposeAsync() => await Double.DisposeAsync();

    private sealed class SyncProgress(ConcurrentQueue<string> lines) : IProgress<string>
    {
        public void Report(string value) => lines.Enqueue(value);
    }
}
