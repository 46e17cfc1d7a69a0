using Infra.Kubernetes.Wire;

namespace Infra.Kubernetes.Tests.Typed.Wire;

public sealed class OptionsWithDefaultsTests
{
    [Fact]
    public void Of_EverySettableOption_IsCopied()
    {
        // Arrange: every settable property gets a non-default value
        var original = new CustomResourceOptions
        {
            DependsOn = new InputList<Resource>(),
            Protect = true,
            IgnoreChanges = ["a"],
            ReplaceOnChanges = ["b"],
            Version = "4.20.0",
            CustomTimeouts = new CustomTimeouts(),
            Aliases = [new Alias { Name = "old" }],
            RetainOnDelete = true,
            PluginDownloadUrl = "file:///plugins",
            Id = "ns/x",
            DeleteBeforeReplace = true,
            AdditionalSecretOutputs = ["c"],
            ImportId = "ns/y",
        };
        var settable = typeof(CustomResourceOptions).GetProperties().Where(p => p.SetMethod is { IsPublic: true }).ToList();

        // Act
        var copy = OptionsWithDefaults.Of(original, ["data"], [new Alias { Type = "t:m:T" }]);

        // Assert
        Assert.Equal(16, settable.Count);
        foreach (var property in settable.Where(p => p.Name is not (nameof(ResourceOptions.Aliases) or nameof(CustomResourceOptions.AdditionalSecretOutputs)
            or nameof(ResourceOptions.IgnoreChanges) or nameof(ResourceOptions.ReplaceOnChanges))))
        {
            Assert.Equal(property.GetValue(original), property.GetValue(copy));
        }

        Assert.Equal(["a"], copy.IgnoreChanges);
        Assert.Equal(["b"], copy.ReplaceOnChanges);
        Assert.Equal(["c", "data"], copy.AdditionalSecretOutputs);
        Assert.Equal(["old", null], copy.Aliases.Select(a => a.Name));
        Assert.Equal(["c"], original.AdditionalSecretOutputs);
        Assert.Single(original.Aliases);
    }
}
