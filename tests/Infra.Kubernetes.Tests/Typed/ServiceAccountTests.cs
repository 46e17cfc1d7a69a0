using Infra.Protocol.Values;
using Infra.Testing;
using k8s.Models;
using BatchV1 = Infra.Kubernetes.Batch.V1;
using CoreV1 = Infra.Kubernetes.Core.V1;

namespace Infra.Kubernetes.Tests.Typed;

public sealed class ServiceAccountTests
{
    [Fact]
    public async Task Constructor_AccountFields_SentAndReadBack()
    {
        // Arrange
        CoreV1.ServiceAccount? account = null;

        // Act
        var result = await TypedRun.RunAsync(() => account = new CoreV1.ServiceAccount("runner", new()
        {
            AutomountServiceAccountToken = false,
            ImagePullSecrets = new[] { new V1LocalObjectReference { Name = "registry" } },
        }));

        // Assert
        var inputs = result.RegistrationOf(CoreV1.ServiceAccount.TypeToken, "runner").Inputs;
        Assert.Equal(PropertyValue.False, inputs["automountServiceAccountToken"]);
        Assert.Equal("[{\"name\":\"registry\"}]", WireJson.Write(inputs["imagePullSecrets"]));
        Assert.False(inputs.ContainsKey("secrets"));
        Assert.False(await account!.AutomountServiceAccountToken.GetValueAsync());
        Assert.Equal("registry", Assert.Single(await account.ImagePullSecrets.GetValueAsync()).Name);
        Assert.Empty(await account.Secrets.GetValueAsync());
    }

    [Fact]
    public async Task Constructor_CronJobUsingTheAccount_SendsScheduleAndAccountName()
    {
        // Act
        var result = await TypedRun.RunAsync(() =>
        {
            var account = new CoreV1.ServiceAccount("runner", new() { Metadata = new V1ObjectMeta { Name = "runner" } });
            _ = new BatchV1.CronJob("backup", new()
            {
                Spec = account.Metadata.Apply(m => new V1CronJobSpec
                {
                    Schedule = "0 3 * * *",
                    JobTemplate = new V1JobTemplateSpec
                    {
                        Spec = new V1JobSpec
                        {
                            Template = new V1PodTemplateSpec
                            {
                                Spec = new V1PodSpec
                                {
                                    ServiceAccountName = m.Name,
                                    RestartPolicy = "OnFailure",
                                    Containers = [new V1Container { Name = "backup", Image = "restic/restic" }],
                                },
                            },
                        },
                    },
                }),
            });
        });

        // Assert
        Assert.Equal(
            "{\"jobTemplate\":{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"image\":\"restic/restic\",\"name\":\"backup\"}],"
            + "\"restartPolicy\":\"OnFailure\",\"serviceAccountName\":\"runner\"}}}},\"schedule\":\"0 3 * * *\"}",
            WireJson.Write(result.RegistrationOf(BatchV1.CronJob.TypeToken, "backup").Inputs["spec"]));
    }
}
