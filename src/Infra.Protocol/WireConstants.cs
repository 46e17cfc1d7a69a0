namespace Infra.Protocol;

/// <summary>
/// Magic strings of the Pulumi wire format (pulumi-protocol.md §5). They are facts of the
/// protocol and must never change.
/// </summary>
public static class WireConstants
{
    /// <summary>The key that marks a special object inside a <c>google.protobuf.Struct</c>.</summary>
    public const string SignatureKey = "4dabf18193072939515e22adb298388d";

    /// <summary>Signature of a secret envelope (<c>value</c> holds the wrapped value).</summary>
    public const string SecretSignature = "1b47061264138c4ac30d75fd1eb44270";

    /// <summary>Signature of an asset (<c>text</c>, <c>path</c> or <c>uri</c>, optional <c>hash</c>).</summary>
    public const string AssetSignature = "c44067f5952c0a294b673a41bacd8c17";

    /// <summary>Signature of an archive (<c>assets</c>, <c>path</c> or <c>uri</c>, optional <c>hash</c>).</summary>
    public const string ArchiveSignature = "0def7320c3a5731c473e5ecbe6d01bc7";

    /// <summary>Signature of a resource reference (<c>urn</c>, optional <c>id</c> and <c>packageVersion</c>).</summary>
    public const string ResourceReferenceSignature = "5cf8f73096256a8f31e491e813e4eb8e";

    /// <summary>Signature of an output value (<c>value</c>, <c>secret</c>, <c>dependencies</c>).</summary>
    public const string OutputValueSignature = "d0e6a833031e9bbcd3f4e8bde6ca49a4";

    /// <summary>The canonical unknown value; also used for unknown IDs.</summary>
    public const string UnknownStringSentinel = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

    /// <summary>Unknown value typed as bool.</summary>
    public const string UnknownBoolSentinel = "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7";

    /// <summary>Unknown value typed as number.</summary>
    public const string UnknownNumberSentinel = "3eeb2bf0-c639-47a8-9e75-3b44932eb421";

    /// <summary>Unknown value typed as array.</summary>
    public const string UnknownArraySentinel = "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2";

    /// <summary>Unknown value typed as asset.</summary>
    public const string UnknownAssetSentinel = "030794c1-ac77-496b-92df-f27374a8bd58";

    /// <summary>Unknown value typed as archive.</summary>
    public const string UnknownArchiveSentinel = "e48ece36-62e2-4504-bad9-02848725956a";

    /// <summary>Unknown value typed as object.</summary>
    public const string UnknownObjectSentinel = "dd056dcd-154b-4c76-9bd3-c8f88648b5ff";

    /// <summary>Type token of the root stack resource.</summary>
    public const string StackType = "pulumi:pulumi:Stack";

    /// <summary>Prefix of provider resource type tokens (<c>pulumi:providers:&lt;pkg&gt;</c>).</summary>
    public const string ProviderTypePrefix = "pulumi:providers:";

    /// <summary>Exit code meaning "the error was already reported to the engine".</summary>
    public const int ExitCodeErrorReported = 32;

    /// <summary>Largest gRPC message the engine accepts (400 MiB).</summary>
    public const int MaxMessageSize = 400 * 1024 * 1024;

    /// <summary>Returns whether <paramref name="value"/> is any of the seven unknown sentinels.</summary>
    /// <param name="value">A string received on the wire.</param>
    public static bool IsUnknownSentinel(string? value) => value is not null && UnknownKindOf(value) is not null;

    /// <summary>Maps a sentinel string to the kind of value it stands for, or <see langword="null"/>.</summary>
    /// <param name="value">A string received on the wire.</param>
    public static Values.UnknownKind? UnknownKindOf(string value) => value switch
    {
        UnknownStringSentinel => Values.UnknownKind.String,
        UnknownBoolSentinel => Values.UnknownKind.Bool,
        UnknownNumberSentinel => Values.UnknownKind.Number,
        UnknownArraySentinel => Values.UnknownKind.Array,
        UnknownAssetSentinel => Values.UnknownKind.Asset,
        UnknownArchiveSentinel => Values.UnknownKind.Archive,
        UnknownObjectSentinel => Values.UnknownKind.Object,
        _ => null,
    };

    /// <summary>The sentinel string for an unknown of the given kind.</summary>
    /// <param name="kind">The kind of unknown value.</param>
    public static string SentinelFor(Values.UnknownKind kind) => kind switch
    {
        Values.UnknownKind.Bool => UnknownBoolSentinel,
        Values.UnknownKind.Number => UnknownNumberSentinel,
        Values.UnknownKind.Array => UnknownArraySentinel,
        Values.UnknownKind.Asset => UnknownAssetSentinel,
        Values.UnknownKind.Archive => UnknownArchiveSentinel,
        Values.UnknownKind.Object => UnknownObjectSentinel,
        _ => UnknownStringSentinel,
    };
}
