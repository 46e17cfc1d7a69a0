using EdgeTls;
using Infra;

return await Deployment.RunAsync<EdgeTlsStack>();
