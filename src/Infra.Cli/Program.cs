using Infra.Cli.Commands;
using Infra.Cli.Hosting;

namespace Infra.Cli;

internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var services = CliServices.CreateDefault();
        using var interrupts = InterruptHandler.Register(services.Error);
        return await new CliApplication(services).RunAsync(args, interrupts.Token).ConfigureAwait(false);
    }
}
