using System.Text;
using Infra;
using Infra.Tls;
using k8s.Models;
using AppsV1 = Infra.Kubernetes.Apps.V1;
using Kubernetes = Infra.Kubernetes;
using CoreV1 = Infra.Kubernetes.Core.V1;
using LocalCommand = Infra.Command.Local.Command;
using LocalCommandArgs = Infra.Command.Local.CommandArgs;
using NetworkingV1 = Infra.Kubernetes.Networking.V1;

namespace EdgeTls;

/// <summary>
/// A private certificate authority and a server certificate for one web app, the app's Kubernetes
/// manifests rendered to <c>&lt;outputDirectory&gt;/manifests</c> (Deployment, Service, a TLS Secret and a
/// Traefik Ingress), and the CA certificate published to <c>&lt;outputDirectory&gt;/ca.crt</c>.
/// </summary>
public sealed class EdgeTlsStack : Stack
{
    public EdgeTlsStack()
    {
        var config = new Config();
        var hostname = config.Get("hostname") ?? "web.homelab.lan";
        var replicas = config.GetInt32("replicas") ?? 2;
        var outputDirectory = Path.GetFullPath(config.Get("outputDirectory") ?? "out");

        var ca = new CertificateAuthority("homelab-ca");
        var server = new ServerCertificate("web", hostname, ca);

        var cluster = new Kubernetes.Provider("gitops", new Kubernetes.ProviderArgs
        {
            RenderYamlToDirectory = Path.Combine(outputDirectory, "manifests"),
        });
        var options = new CustomResourceOptions { Provider = cluster };
        var labels = new Dictionary<string, string> { ["app.kubernetes.io/name"] = "web" };

        var tlsSecret = new CoreV1.Secret("web-tls", new CoreV1.SecretArgs
        {
            Metadata = new V1ObjectMeta { Name = "web-tls", NamespaceProperty = "default" },
            Type = "kubernetes.io/tls",
            Data = new InputMap<string>
            {
                ["tls.crt"] = server.Certificate.CertPem.Apply(Base64),
                ["tls.key"] = server.Key.PrivateKeyPem.Apply(Base64),
            },
        }, options);

        _ = new AppsV1.Deployment("web", new AppsV1.DeploymentArgs
        {
            Metadata = new V1ObjectMeta { Name = "web", NamespaceProperty = "default", Labels = labels },
            Spec = new V1DeploymentSpec
            {
                Replicas = replicas,
                Selector = new V1LabelSelector { MatchLabels = labels },
                Template = new V1PodTemplateSpec
                {
                    Metadata = new V1ObjectMeta { Labels = labels },
                    Spec = new V1PodSpec
                    {
                        Containers =
                        [
                            new V1Container
                            {
                                Name = "web",
                                Image = "nginx:1.27",
                                Ports = [new V1ContainerPort { Name = "http", ContainerPort = 80 }],
                            },
                        ],
                    },
                },
            },
        }, options);

        var service = new CoreV1.Service("web", new CoreV1.ServiceArgs
        {
            Metadata = new V1ObjectMeta { Name = "web", NamespaceProperty = "default", Labels = labels },
            Spec = new V1ServiceSpec
            {
                Selector = labels,
                Ports = [new V1ServicePort { Name = "http", Port = 80, TargetPort = "http" }],
            },
        }, options);

        _ = new NetworkingV1.Ingress("web", new NetworkingV1.IngressArgs
        {
            Metadata = new V1ObjectMeta { Name = "web", NamespaceProperty = "default" },
            Spec = new V1IngressSpec
            {
                IngressClassName = "traefik",
                Tls = [new V1IngressTLS { Hosts = [hostname], SecretName = "web-tls" }],
                Rules =
                [
                    new V1IngressRule
                    {
                        Host = hostname,
                        Http = new V1HTTPIngressRuleValue
                        {
                            Paths =
                            [
                                new V1HTTPIngressPath
                                {
                                    Path = "/",
                                    PathType = "Prefix",
                                    Backend = new V1IngressBackend
                                    {
                                        Service = new V1IngressServiceBackend { Name = "web", Port = new V1ServiceBackendPort { Name = "http" } },
                                    },
                                },
                            ],
                        },
                    },
                ],
            },
        }, new CustomResourceOptions { Provider = cluster, DependsOn = { service, tlsSecret } });

        var caFile = Path.Combine(outputDirectory, "ca.crt");
        var publish = new LocalCommand("publish-ca", new LocalCommandArgs
        {
            Create = $"mkdir -p '{outputDirectory}' && cat > '{caFile}' && echo '{caFile}'",
            Delete = $"rm -f '{caFile}'",
            Stdin = ca.Certificate.CertPem,
        });

        CaCertificate = ca.Certificate.CertPem;
        ServerCertificateExpires = server.Certificate.ValidityEndTime;
        CaFile = publish.Stdout;
        Manifests = Output.Create(Path.Combine(outputDirectory, "manifests"));
        Url = Output.Create($"https://{hostname}/");
    }

    /// <summary>The CA certificate (PEM) to trust on clients.</summary>
    [Output("caCertificate")]
    public Output<string> CaCertificate { get; set; }

    /// <summary>When the server certificate expires (RFC 3339).</summary>
    [Output("serverCertificateExpires")]
    public Output<string> ServerCertificateExpires { get; set; }

    /// <summary>Where the CA certificate was published.</summary>
    [Output("caFile")]
    public Output<string> CaFile { get; set; }

    /// <summary>The directory holding the rendered manifests.</summary>
    [Output("manifests")]
    public Output<string> Manifests { get; set; }

    /// <summary>The app's address.</summary>
    [Output("url")]
    public Output<string> Url { get; set; }

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
}
