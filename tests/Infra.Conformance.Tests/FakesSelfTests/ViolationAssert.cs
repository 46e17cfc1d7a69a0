using Grpc.Core;

namespace Infra.Conformance.Tests.FakesSelfTests;

/// <summary>Assertions on what one request caused (see <see cref="ValidationProbe"/>).</summary>
internal static class ViolationAssert
{
    public static void AssertRejected((IReadOnlyList<string> Violations, RpcException? Error) result, string expected)
    {
        Assert.Equal([expected], result.Violations);
        Assert.NotNull(result.Error);
        Assert.Equal(StatusCode.InvalidArgument, result.Error.StatusCode);
        Assert.Equal(expected, result.Error.Status.Detail);
    }

    public static void AssertTolerated((IReadOnlyList<string> Violations, RpcException? Error) result, string expected)
    {
        Assert.Equal([expected], result.Violations);
        Assert.Null(result.Error);
    }
}
