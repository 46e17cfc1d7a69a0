using Infra;
using Minimal;

return await Deployment.RunAsync<MinimalStack>();
