using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using Infra.Protocol.Values;
using Renci.SshNet;
using Renci.SshNet.Common;

namespace Infra.Engine.Providers.Command;

/// <summary>
/// The <c>source</c> of a <c>CopyToRemote</c>: content hashing for Check (a change of content is a change of input)
/// and the SFTP upload. Relative paths are resolved against the engine's working directory. Archive files are copied
/// as they are (never unpacked); a directory is copied recursively; remote files are never deleted.
/// </summary>
internal static class CopySource
{
    private static readonly HttpClient Http = new();

    /// <summary>Checks that <paramref name="source"/> exists and returns it with its content hash filled; null when fine.</summary>
    public static string? Check(PropertyValue source, out PropertyValue hashed)
    {
        hashed = source;
        try
        {
            switch (source.Kind)
            {
                case PropertyValueKind.Asset:
                    {
                        var asset = source.AssetValue;
                        if (asset.Path is { } path && !File.Exists(Path.GetFullPath(path)))
                        {
                            return $"the asset file does not exist (was \"{path}\")";
                        }

                        var hash = asset.Text is { } text ? Hex(SHA256.HashData(Encoding.UTF8.GetBytes(text)))
                            : asset.Path is { } file ? Hex(SHA256.HashData(File.ReadAllBytes(Path.GetFullPath(file))))
                            : asset.Hash;
                        hashed = PropertyValue.CreateAsset(asset with { Hash = hash });
                        return null;
                    }

                case PropertyValueKind.Archive:
                    {
                        var archive = source.ArchiveValue;
                        if (archive.Path is { } path)
                        {
                            var full = Path.GetFullPath(path);
                            if (Directory.Exists(full))
                            {
                                hashed = PropertyValue.CreateArchive(archive with { Hash = HashDirectory(full) });
                                return null;
                            }

                            if (!File.Exists(full))
                            {
                                return $"the archive file or directory does not exist (was \"{path}\")";
                            }

                            hashed = PropertyValue.CreateArchive(archive with { Hash = Hex(SHA256.HashData(File.ReadAllBytes(full))) });
                            return null;
                        }

                        if (archive.Assets is { } members)
                        {
                            var builder = ImmutableSortedDictionary.CreateBuilder<string, PropertyValue>(StringComparer.Ordinal);
                            foreach (var (name, member) in members)
                            {
                                if (member.Kind is not (PropertyValueKind.Asset or PropertyValueKind.Archive))
                                {
                                    return $"archive member \"{name}\" must be an asset or archive (was {CommandValues.Describe(member)})";
                                }

                                if (Check(member, out var memberHashed) is { } problem)
                                {
                                    return $"archive member \"{name}\": {problem}";
                                }

                                builder[name] = memberHashed;
                            }

                            hashed = PropertyValue.CreateArchive(archive with { Assets = builder.ToImmutable() });
                        }

                        return null;
                    }

                default:
                    return $"must be an asset or archive (was {CommandValues.Describe(source)})";
            }
        }
        catch (IOException exception)
        {
            return $"could not be read: {exception.Message}";
        }
        catch (UnauthorizedAccessException exception)
        {
            return $"could not be read: {exception.Message}";
        }
    }

    /// <summary>Copies <paramref name="source"/> to <paramref name="remotePath"/>.</summary>
    public static async Task UploadAsync(SftpClient sftp, PropertyValue source, string remotePath, IProgress<string>? progress, CancellationToken cancellationToken = default)
    {
        source = CommandValues.Plain(source);
        if (source.Kind == PropertyValueKind.Asset)
        {
            var asset = source.AssetValue;
            var target = remotePath;
            if (asset.Path is { } path && await IsDirectoryAsync(sftp, remotePath, cancellationToken).ConfigureAwait(false))
            {
                target = Combine(remotePath, Path.GetFileName(path));
            }

            await UploadAssetAsync(sftp, asset, target, cancellationToken).ConfigureAwait(false);
            progress?.Report($"copied {Describe(asset)} to {target}");
            return;
        }

        var archive = source.ArchiveValue;
        if (archive.Path is { } archivePath)
        {
            var full = Path.GetFullPath(archivePath);
            if (Directory.Exists(full))
            {
                var target = await IsDirectoryAsync(sftp, remotePath, cancellationToken).ConfigureAwait(false)
                    ? Combine(remotePath, Path.GetFileName(Path.TrimEndingDirectorySeparator(full)))
                    : remotePath;
                var count = await UploadDirectoryAsync(sftp, full, target, cancellationToken).ConfigureAwait(false);
                progress?.Report($"copied directory {archivePath} ({count} files) to {target}");
                return;
            }

            var fileTarget = await IsDirectoryAsync(sftp, remotePath, cancellationToken).ConfigureAwait(false)
                ? Combine(remotePath, Path.GetFileName(full))
                : remotePath;
            await UploadBytesAsync(sftp, await File.ReadAllBytesAsync(full, cancellationToken).ConfigureAwait(false), fileTarget, cancellationToken).ConfigureAwait(false);
            progress?.Report($"copied archive {archivePath} to {fileTarget}");
            return;
        }

        if (archive.Uri is { } uri)
        {
            await UploadBytesAsync(sftp, await ReadUriAsync(uri, cancellationToken).ConfigureAwait(false), remotePath, cancellationToken).ConfigureAwait(false);
            progress?.Report($"copied archive {uri} to {remotePath}");
            return;
        }

        await EnsureDirectoryAsync(sftp, remotePath, cancellationToken).ConfigureAwait(false);
        foreach (var (name, member) in archive.Assets ?? ImmutableSortedDictionary<string, PropertyValue>.Empty)
        {
            var target = Combine(remotePath, name);
            var parent = target[..target.LastIndexOf('/')];
            await EnsureDirectoryAsync(sftp, parent, cancellationToken).ConfigureAwait(false);
            if (member.Kind == PropertyValueKind.Asset)
            {
                await UploadAssetAsync(sftp, member.AssetValue, target, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await UploadAsync(sftp, member, target, null, cancellationToken).ConfigureAwait(false);
            }
        }

        progress?.Report($"copied {archive.Assets?.Count ?? 0} archive members to {remotePath}");
    }

    private static string Describe(AssetValue asset) => asset.Path ?? asset.Uri ?? "text asset";

    private static async Task UploadAssetAsync(SftpClient sftp, AssetValue asset, string target, CancellationToken cancellationToken)
    {
        var bytes = asset.Text is { } text ? Encoding.UTF8.GetBytes(text)
            : asset.Path is { } path ? await File.ReadAllBytesAsync(Path.GetFullPath(path), cancellationToken).ConfigureAwait(false)
            : await ReadUriAsync(asset.Uri!, cancellationToken).ConfigureAwait(false);
        await UploadBytesAsync(sftp, bytes, target, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<byte[]> ReadUriAsync(string uri, CancellationToken cancellationToken)
    {
        var parsed = new Uri(uri);
        return parsed.IsFile
            ? await File.ReadAllBytesAsync(parsed.LocalPath, cancellationToken).ConfigureAwait(false)
            : await Http.GetByteArrayAsync(parsed, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<int> UploadDirectoryAsync(SftpClient sftp, string local, string target, CancellationToken cancellationToken)
    {
        await EnsureDirectoryAsync(sftp, target, cancellationToken).ConfigureAwait(false);
        var count = 0;
        foreach (var file in Directory.EnumerateFiles(local).Order(StringComparer.Ordinal))
        {
            await UploadBytesAsync(sftp, await File.ReadAllBytesAsync(file, cancellationToken).ConfigureAwait(false), Combine(target, Path.GetFileName(file)), cancellationToken).ConfigureAwait(false);
            count++;
        }

        foreach (var directory in Directory.EnumerateDirectories(local).Order(StringComparer.Ordinal))
        {
            count += await UploadDirectoryAsync(sftp, directory, Combine(target, Path.GetFileName(directory)), cancellationToken).ConfigureAwait(false);
        }

        return count;
    }

    private static async Task UploadBytesAsync(SftpClient sftp, byte[] bytes, string target, CancellationToken cancellationToken)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        await sftp.UploadFileAsync(stream, target, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<bool> IsDirectoryAsync(SftpClient sftp, string path, CancellationToken cancellationToken)
    {
        try
        {
            return (await sftp.GetAttributesAsync(path, cancellationToken).ConfigureAwait(false)).IsDirectory;
        }
        catch (SftpPathNotFoundException)
        {
            return false;
        }
    }

    private static async Task EnsureDirectoryAsync(SftpClient sftp, string path, CancellationToken cancellationToken)
    {
        if (path.Length == 0 || await IsDirectoryAsync(sftp, path, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        await sftp.CreateDirectoryAsync(path, cancellationToken).ConfigureAwait(false);
    }

    private static string Combine(string directory, string name) => directory.TrimEnd('/') + "/" + name.TrimStart('/');

    private static string HashDirectory(string root)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => (Full: f, Relative: Path.GetRelativePath(root, f).Replace('\\', '/')))
            .OrderBy(f => f.Relative, StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(file.Relative + "\0"));
            hash.AppendData(SHA256.HashData(File.ReadAllBytes(file.Full)));
        }

        return Hex(hash.GetHashAndReset());
    }

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
