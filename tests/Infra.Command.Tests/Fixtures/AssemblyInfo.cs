using Infra.Command.Tests.Fixtures;

[assembly: AssemblyFixture(typeof(SshdFixture))]
