using Infra.Testing;
using Moq;

namespace Infra.Kubernetes.Tests.Typed;

/// <summary>Runs a program against Moq mocks that echo each resource's inputs as its outputs.</summary>
internal static class TypedRun
{
    public static Mock<IMocks> EchoMocks()
    {
        var mocks = new Mock<IMocks>();
        mocks.Setup(m => m.NewResourceAsync(It.IsAny<MockResourceArgs>()))
            .ReturnsAsync((MockResourceArgs a) => ((string?)(a.Custom ? a.Name + "-id" : null), (object)a.Inputs));
        return mocks;
    }

    public static Task<StackTestResult> RunAsync(Action program, bool preview = false) =>
        RunAsync(EchoMocks(), program, preview);

    public static Task<StackTestResult> RunAsync(Mock<IMocks> mocks, Action program, bool preview = false) =>
        Deployment.TestAsync(mocks.Object, new TestOptions { IsPreview = preview }, program);
}
