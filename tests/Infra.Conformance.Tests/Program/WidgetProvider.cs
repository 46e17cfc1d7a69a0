namespace Infra.Conformance.Tests.Program;

internal sealed class WidgetProvider(string name, CustomResourceOptions? options = null)
    : ProviderResource("test", name, ResourceArgs.Empty, options);
