using System.Collections.Immutable;
using Infra;
using Infra.Testing;

namespace Infra.Core.Tests.Outputs;

public sealed class OutputTests
{
    [Fact]
    public async Task Apply_KnownValue_RunsCallback()
    {
        // Arrange
        var output = Output.Create(20);

        // Act
        var result = await output.Apply(v => v + 1).GetValueAsync();

        // Assert
        Assert.Equal(21, result);
    }

    [Fact]
    public async Task Apply_UnknownValue_NeverRunsCallbackAndStaysUnknown()
    {
        // Arrange
        var ran = false;
        var unknown = Output<string>.CreateUnknown(isSecret: true);

        // Act
        var result = unknown.Apply(v =>
        {
            ran = true;
            return v.Length;
        });

        // Assert
        Assert.False(await result.IsKnownAsync());
        Assert.True(await result.IsSecretAsync());
        Assert.False(ran);
        await Assert.ThrowsAsync<OutputUnknownException>(() => result.GetValueAsync());
    }

    [Fact]
    public async Task Apply_SecretValue_ResultStaysSecretThroughChain()
    {
        var secret = Output.CreateSecret("s3cr3t");

        var chained = secret.Apply(v => v.ToUpperInvariant()).Apply(v => Output.Create(v.Length)).Apply(n => n * 2);

        Assert.True(await chained.IsSecretAsync());
        Assert.Equal(12, await chained.GetValueAsync());
    }

    [Fact]
    public async Task Apply_ReturningSecretOutput_MakesResultSecret()
    {
        var plain = Output.Create("a");

        var result = plain.Apply(v => Output.CreateSecret(v + "b"));

        Assert.True(await result.IsSecretAsync());
        Assert.Equal("ab", await result.GetValueAsync());
    }

    [Fact]
    public async Task Unsecret_SecretOutput_IsNoLongerSecret()
    {
        var result = Output.Unsecret(Output.CreateSecret(5));

        Assert.False(await result.IsSecretAsync());
        Assert.Equal(5, await result.GetValueAsync());
    }

    [Fact]
    public async Task All_OneUnknown_IsUnknownAndSecretIfAnyIsSecret()
    {
        var result = Output.All<string>(Output.Create("a"), Output<string>.CreateUnknown(), Output.CreateSecret("c"));

        Assert.False(await result.IsKnownAsync());
        Assert.True(await result.IsSecretAsync());
    }

    [Fact]
    public async Task All_AllKnown_KeepsOrder()
    {
        var result = Output.All<int>(Output.Create(1), 2, Output.Create(3));

        Assert.Equal([1, 2, 3], await result.GetValueAsync());
        Assert.False(await result.IsSecretAsync());
    }

    [Fact]
    public async Task Tuple_SecretMember_MakesTupleSecret()
    {
        var result = Output.Tuple(Output.Create("host"), Output.CreateSecret(443));

        Assert.True(await result.IsSecretAsync());
        Assert.Equal(("host", 443), await result.GetValueAsync());
    }

    [Fact]
    public async Task Format_InterpolatedOutputs_CombinesValuesAndSecretness()
    {
        var host = Output.Create("db.lan");
        var port = Output.CreateSecret(5432);

        var result = Output.Format($"postgres://{host}:{port}/app");

        Assert.Equal("postgres://db.lan:5432/app", await result.GetValueAsync());
        Assert.True(await result.IsSecretAsync());
    }

    [Fact]
    public async Task Format_UnknownHole_IsUnknown()
    {
        var result = Output.Format($"https://{Output<string>.CreateUnknown()}/");

        Assert.False(await result.IsKnownAsync());
    }

    [Fact]
    public async Task JsonSerialize_Object_ProducesJson()
    {
        var result = Output.JsonSerialize(Output.Create(new { a = 1, b = "x" }));

        Assert.Equal("{\"a\":1,\"b\":\"x\"}", await result.GetValueAsync());
    }

    [Fact]
    public void ToString_SecretOutput_NeverShowsValue()
    {
        var secret = Output.CreateSecret("hunter2");
        Input<string> input = secret;

        Assert.DoesNotContain("hunter2", secret.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", input.ToString(), StringComparison.Ordinal);
        Assert.Contains("Output.Format", secret.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task InputList_MixOfValuesAndOutputs_ConcatenatesInOrder()
    {
        InputList<string> list = ["a", Output.Create("b")];
        list.Add(Output.CreateSecret("c"));

        var output = list.ToOutput();

        Assert.Equal(["a", "b", "c"], await output.GetValueAsync());
        Assert.True(await output.IsSecretAsync());
    }

    [Fact]
    public async Task InputMap_LaterKeysWin()
    {
        var map = new InputMap<string> { ["a"] = "1", ["b"] = Output.Create("2") };
        map["a"] = "3";

        var value = await map.ToOutput().GetValueAsync();

        Assert.Equal(ImmutableDictionary<string, string>.Empty.Add("a", "3").Add("b", "2"), value);
    }

    [Fact]
    public void InputList_Enumerate_IsRefusedWithReason()
    {
        InputList<string> list = ["a"];

        var error = Assert.Throws<NotSupportedException>(() => ((System.Collections.IEnumerable)list).GetEnumerator());

        Assert.Contains("Apply", error.Message, StringComparison.Ordinal);
    }
    [Fact]
    public async Task Apply_CallbackThrows_ErrorSurfacesThroughTheOutputNotTheCall()
    {
        var output = Output.Create(1);

        var result = output.Apply(new Func<int, int>(_ => throw new FormatException("bad value")));

        var error = await Assert.ThrowsAsync<FormatException>(() => result.GetValueAsync());
        Assert.Equal("bad value", error.Message);
    }
    [Fact]
    public async Task InputList_UnknownPart_MakesListUnknownAndKeepsSecret()
    {
        InputList<string> list = ["a", Output.CreateSecret("b")];
        list.Add(Output<string>.CreateUnknown());

        var output = list.ToOutput();

        Assert.False(await output.IsKnownAsync());
        Assert.True(await output.IsSecretAsync());
    }

    [Fact]
    public async Task InputMap_SecretOrUnknownEntry_PropagatesToTheMap()
    {
        var secretMap = new InputMap<string> { ["a"] = "1", ["b"] = Output.CreateSecret("2") };
        var unknownMap = new InputMap<string> { ["a"] = "1", ["b"] = Output<string>.CreateUnknown() };

        Assert.True(await secretMap.ToOutput().IsSecretAsync());
        Assert.Equal("2", (await secretMap.ToOutput().GetValueAsync())["b"]);
        Assert.False(await unknownMap.ToOutput().IsKnownAsync());
    }
}
