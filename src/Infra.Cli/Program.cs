using Infra.Cli.Commands;
using Infra.Cli.Hosting;

namespace Infra.Cli;

internal static class Program
{
    public static Task<int> Main(string[] args) => new CliApplication(CliServices.CreateDefault()).RunAsync(args);
}
