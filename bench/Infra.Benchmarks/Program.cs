using BenchmarkDotNet.Running;
using Infra.Benchmarks;
using Infra.Benchmarks.Core;
using Infra.Benchmarks.Engine;
using Infra.Benchmarks.Kubernetes;
using Infra.Benchmarks.ProxmoxVE;

var scenario = args.Length > 0 ? args[0] : "help";
switch (scenario)
{
    case "register":
        return await RegistrationScenario.RunAsync(args.Skip(1).ToArray());
    case "help" when EngineProgram.IsRequested:
        return await EngineProgram.RunAsync();
    case "engine-preview":
        return await EngineScenarios.PreviewAsync(args.Skip(1).ToArray());
    case "engine-up-wide":
        return await EngineScenarios.UpWideAsync(args.Skip(1).ToArray());
    case "engine-state":
        return await EngineScenarios.StateAsync(args.Skip(1).ToArray());
    case "engine-save":
        return await SaveScenario.RunAsync(args.Skip(1).ToArray());
    case "k8s-render":
        return await KubernetesRenderScenario.RunAsync(args.Skip(1).ToArray());
    case "pve-clones":
        return await PveClonesScenario.RunAsync(args.Skip(1).ToArray());
    case "bdn":
        BenchmarkSwitcher.FromAssembly(typeof(Scenario).Assembly).Run(args.Skip(1).ToArray());
        return 0;
    default:
        Console.WriteLine("usage: dotnet run -c Release --project bench/Infra.Benchmarks -- <scenario>");
        Console.WriteLine("  register [count]   register N custom resources (10 inputs, every tenth depends on the previous) under mocks");
        Console.WriteLine("  engine-preview [count]             preview of a program with N resources, end to end through the engine");
        Console.WriteLine("  engine-up-wide [count] [ms] [par] [--timeline]  up of N independent resources with slow creates vs the critical path");
        Console.WriteLine("  engine-state [count]               second up with N resources in state: time and peak memory");
        Console.WriteLine("  engine-save [count] [saves]        one state save with N resources, and its parts (.bak copy, write, fsync)");
        Console.WriteLine("  k8s-render [count]                 infra up of a generated Kubernetes program in render mode (N objects)");
        Console.WriteLine("  pve-clones [count] [ms] [lockMs]   parallel clones from one template against the Proxmox double's lock rules");
        Console.WriteLine("  bdn [--filter *]   BenchmarkDotNet suites");
        return scenario == "help" ? 0 : 2;
}
