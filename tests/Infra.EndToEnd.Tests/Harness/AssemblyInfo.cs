using Infra.EndToEnd.Tests.Harness;

[assembly: AssemblyFixture(typeof(SamplePrograms))]
