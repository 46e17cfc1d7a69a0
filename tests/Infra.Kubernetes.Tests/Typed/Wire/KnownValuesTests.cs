using Infra.Kubernetes.Wire;

namespace Infra.Kubernetes.Tests.Typed.Wire;

public sealed class KnownValuesTests
{
    [Fact]
    public void TryGet_PlainValue_IsKnownAndNotSecret()
    {
        // Act
        var known = KnownValues.TryGet<string>("x", out var value, out var secret);

        // Assert
        Assert.True(known);
        Assert.Equal("x", value);
        Assert.False(secret);
    }

    [Fact]
    public void TryGet_SecretValue_IsKnownAndSecret()
    {
        // Act
        var known = KnownValues.TryGet<string>(Output.CreateSecret("x"), out _, out var secret);

        // Assert
        Assert.True(known);
        Assert.True(secret);
    }

    [Fact]
    public void TryGet_PendingOrMissingValue_IsNotKnown()
    {
        // Arrange
        var pending = new TaskCompletionSource<string>();

        // Act
        var known = KnownValues.TryGet<string>(Output.Create(pending.Task), out _, out _);
        var missing = KnownValues.TryGet<string>(null, out _, out _);

        // Assert
        Assert.False(known);
        Assert.False(missing);
        pending.SetResult("late");
    }
}
