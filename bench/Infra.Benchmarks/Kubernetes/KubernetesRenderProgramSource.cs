namespace Infra.Benchmarks.Kubernetes;

/// <summary>The generated program of the <c>k8s-render</c> scenario: typed Infra.Kubernetes objects through an explicit render-mode provider.</summary>
internal static class KubernetesRenderProgramSource
{
    public const string CountVariable = "K8S_RENDER_COUNT";

    public const string DirectoryVariable = "K8S_RENDER_DIR";

    public const string Project = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <OutputType>Exe</OutputType>
            <TargetFramework>net10.0</TargetFramework>
            <ImplicitUsings>enable</ImplicitUsings>
            <Nullable>enable</Nullable>
          </PropertyGroup>
          <ItemGroup>
            <ProjectReference Include="KUBERNETES_PROJECT" />
          </ItemGroup>
        </Project>
        """;

    /// <summary>One Namespace, then ConfigMaps, Deployments and Services in turn (every object named, namespace <c>apps</c>).</summary>
    public const string Program = """
        using Infra;
        using Infra.Kubernetes;
        using k8s.Models;
        using AppsV1 = Infra.Kubernetes.Apps.V1;
        using CoreV1 = Infra.Kubernetes.Core.V1;

        var count = int.Parse(Environment.GetEnvironmentVariable("K8S_RENDER_COUNT") ?? "1000", System.Globalization.CultureInfo.InvariantCulture);
        var directory = Environment.GetEnvironmentVariable("K8S_RENDER_DIR") ?? throw new InvalidOperationException("K8S_RENDER_DIR is not set");
        return await Infra.Deployment.RunAsync(() =>
        {
            var provider = new Provider("render", new ProviderArgs { RenderYamlToDirectory = directory });
            var options = new CustomResourceOptions { Provider = provider };
            _ = new CoreV1.Namespace("apps", new CoreV1.NamespaceArgs { Metadata = new V1ObjectMeta { Name = "apps" } }, options);
            for (var i = 1; i < count; i++)
            {
                var name = $"app-{i}";
                var labels = new Dictionary<string, string> { ["app"] = name, ["tier"] = "bench" };
                var metadata = new V1ObjectMeta { Name = name, NamespaceProperty = "apps", Labels = labels };
                switch (i % 4)
                {
                    case 0:
                        _ = new AppsV1.Deployment(name, new AppsV1.DeploymentArgs
                        {
                            Metadata = metadata,
                            Spec = new V1DeploymentSpec
                            {
                                Replicas = 2,
                                Selector = new V1LabelSelector { MatchLabels = labels },
                                Template = new V1PodTemplateSpec
                                {
                                    Metadata = new V1ObjectMeta { Labels = labels },
                                    Spec = new V1PodSpec { Containers = [new V1Container { Name = "web", Image = "nginx:1.27", Ports = [new V1ContainerPort { ContainerPort = 8080 }] }] },
                                },
                            },
                        }, options);
                        break;
                    case 1:
                        _ = new CoreV1.Service(name, new CoreV1.ServiceArgs
                        {
                            Metadata = metadata,
                            Spec = new V1ServiceSpec { Selector = labels, Ports = [new V1ServicePort { Port = 80 }] },
                        }, options);
                        break;
                    default:
                        _ = new CoreV1.ConfigMap(name, new CoreV1.ConfigMapArgs
                        {
                            Metadata = metadata,
                            Data = new Dictionary<string, string> { ["index"] = i.ToString(System.Globalization.CultureInfo.InvariantCulture), ["mode"] = "fast", ["enabled"] = "true" },
                        }, options);
                        break;
                }
            }
        });
        """;
}
