using BenchmarkDotNet.Running;
using Infra.Benchmarks;
using Infra.Benchmarks.Core;

var scenario = args.Length > 0 ? args[0] : "help";
switch (scenario)
{
    case "register":
        return await RegistrationScenario.RunAsync(args.Skip(1).ToArray());
    case "bdn":
        BenchmarkSwitcher.FromAssembly(typeof(Scenario).Assembly).Run(args.Skip(1).ToArray());
        return 0;
    default:
        Console.WriteLine("usage: dotnet run -c Release --project bench/Infra.Benchmarks -- <scenario>");
        Console.WriteLine("  register [count]   register N custom resources (10 inputs, every tenth depends on the previous) under mocks");
        Console.WriteLine("  bdn [--filter *]   BenchmarkDotNet suites");
        return scenario == "help" ? 0 : 2;
}
