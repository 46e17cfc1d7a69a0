using Infra.Engine.Deployments;

namespace Infra.EndToEnd.Tests.Placeholder;

public sealed class EngineContractTests
{
    [Fact]
    public void DeploymentEngine_ImplementsTheContract()
    {
        Assert.True(typeof(IDeploymentEngine).IsAssignableFrom(typeof(DeploymentEngine)));
    }
}
