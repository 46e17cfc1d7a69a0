using System.Text;
using Infra.Engine.Providers.Command;

namespace Infra.Command.Tests.Providers.Command;

public sealed class SshAgentProtocolTests
{
    internal static byte[] Str(string text) => Str(Encoding.ASCII.GetBytes(text));

    internal static byte[] Str(byte[] bytes) => [.. U32((uint)bytes.Length), .. bytes];

    internal static byte[] U32(uint value) => [(byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value];

    internal static byte[] Ed25519Blob() => [.. Str("ssh-ed25519"), .. Str(new byte[32])];

    [Fact]
    public void EncodeRequestIdentities_IsLengthOneTypeEleven()
    {
        // Act
        var message = SshAgentProtocol.EncodeRequestIdentities();

        // Assert
        Assert.Equal(new byte[] { 0, 0, 0, 1, 11 }, message);
    }

    [Fact]
    public void EncodeSignRequest_FramesKeyDataAndFlags()
    {
        // Arrange
        byte[] key = [1, 2, 3];
        byte[] data = [9, 8];

        // Act
        var message = SshAgentProtocol.EncodeSignRequest(key, data, SshAgentProtocol.RsaSha2256);

        // Assert
        Assert.Equal(new byte[] { 0, 0, 0, 18, 13, 0, 0, 0, 3, 1, 2, 3, 0, 0, 0, 2, 9, 8, 0, 0, 0, 2 }, message);
    }

    [Fact]
    public void DecodeIdentities_TwoKeys_ReadsBlobsCommentsAndTypes()
    {
        // Arrange
        byte[] rsa = [.. Str("ssh-rsa"), .. Str([1, 0, 1]), .. Str([0, 0xC1])];
        byte[] body = [12, .. U32(2), .. Str(Ed25519Blob()), .. Str("me@host"), .. Str(rsa), .. Str(string.Empty)];

        // Act
        var identities = SshAgentProtocol.DecodeIdentities(body);

        // Assert
        Assert.Equal(["ssh-ed25519 me@host", "ssh-rsa"], identities.Select(i => i.ToString()));
        Assert.Equal(Ed25519Blob(), identities[0].KeyBlob);
        Assert.Equal(rsa, identities[1].KeyBlob);
    }

    [Fact]
    public void DecodeIdentities_Truncated_IsInvalidData()
    {
        // Arrange
        byte[] body = [12, .. U32(1), .. U32(200), 1, 2];

        // Act
        var error = Assert.Throws<InvalidDataException>(() => SshAgentProtocol.DecodeIdentities(body));

        // Assert
        Assert.Equal("a string of 200 bytes runs past the end of the agent's 11-byte message", error.Message);
    }

    [Fact]
    public void DecodeSignResponse_ReturnsSignatureBlob()
    {
        // Arrange
        byte[] blob = [.. Str("ssh-ed25519"), .. Str(new byte[64])];

        // Act
        var signature = SshAgentProtocol.DecodeSignResponse([14, .. Str(blob)]);

        // Assert
        Assert.Equal(blob, signature);
        Assert.Equal("ssh-ed25519", SshAgentProtocol.LeadingName(signature));
    }

    [Fact]
    public void DecodeSignResponse_AgentFailure_IsRefusal()
    {
        // Act
        var error = Assert.Throws<SshAgentException>(() => SshAgentProtocol.DecodeSignResponse([5]));

        // Assert
        Assert.Equal("the agent refused the request (SSH_AGENT_FAILURE instead of a signature)", error.Message);
    }

    [Fact]
    public void DecodeSignResponse_OtherType_IsInvalidData()
    {
        // Act
        var error = Assert.Throws<InvalidDataException>(() => SshAgentProtocol.DecodeSignResponse([12, 0, 0, 0, 0]));

        // Assert
        Assert.Equal("the agent answered with message type 12 instead of a signature (type 14)", error.Message);
    }

    [Theory]
    [InlineData("ssh-rsa", "rsa-sha2-512:4,rsa-sha2-256:2")]
    [InlineData("ssh-rsa-cert-v01@openssh.com", "rsa-sha2-512-cert-v01@openssh.com:4,rsa-sha2-256-cert-v01@openssh.com:2")]
    [InlineData("ssh-ed25519", "ssh-ed25519:0")]
    [InlineData("ecdsa-sha2-nistp256", "ecdsa-sha2-nistp256:0")]
    public void SignatureAlgorithms_ByKeyType_OffersSha2ForRsaAndTheKeyTypeOtherwise(string keyType, string expected)
    {
        // Arrange
        var identity = new SshAgentIdentity([.. Str(keyType), .. Str([1])], "c");

        // Act
        var algorithms = identity.SignatureAlgorithms();

        // Assert
        Assert.Equal(expected, string.Join(',', algorithms.Select(a => $"{a.Algorithm}:{a.Flags}")));
    }
}
