namespace Infra.Cli;

internal static class Program
{
    public static int Main(string[] args)
    {
        Console.Error.WriteLine("infra: the engine is not built yet (see issue 3).");
        return args.Length == 0 ? 1 : 1;
    }
}
