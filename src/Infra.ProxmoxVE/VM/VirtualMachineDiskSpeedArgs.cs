namespace Infra.ProxmoxVE.VM;

/// <summary>Speed limits of a disk.</summary>
public sealed partial class VirtualMachineDiskSpeedArgs : ResourceArgs
{
    /// <summary>Read IOPS limit.</summary>
    [Input("iopsRead")]
    public Input<int>? IopsRead { get; init; }

    /// <summary>Burstable read IOPS limit.</summary>
    [Input("iopsReadBurstable")]
    public Input<int>? IopsReadBurstable { get; init; }

    /// <summary>Write IOPS limit.</summary>
    [Input("iopsWrite")]
    public Input<int>? IopsWrite { get; init; }

    /// <summary>Burstable write IOPS limit.</summary>
    [Input("iopsWriteBurstable")]
    public Input<int>? IopsWriteBurstable { get; init; }

    /// <summary>Read limit in MB/s.</summary>
    [Input("read")]
    public Input<int>? Read { get; init; }

    /// <summary>Burstable read limit in MB/s.</summary>
    [Input("readBurstable")]
    public Input<int>? ReadBurstable { get; init; }

    /// <summary>Write limit in MB/s.</summary>
    [Input("write")]
    public Input<int>? Write { get; init; }

    /// <summary>Burstable write limit in MB/s.</summary>
    [Input("writeBurstable")]
    public Input<int>? WriteBurstable { get; init; }
}
