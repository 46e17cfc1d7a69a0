using Infra;

namespace Infra.Core.Tests.Fixtures;

/// <summary>A stack as a user would write it: config, a component, dependencies, secrets and outputs.</summary>
public sealed class ThingStack : Stack
{
    public ThingStack()
    {
        var config = new Config();
        var size = config.GetInt32("size") ?? 3;
        var password = config.RequireSecret("password");

        var database = new Thing("db", new ThingArgs
        {
            Name = "db",
            Size = size,
            Password = password,
            Tags = ["data", "critical"],
            Labels = new InputMap<string> { ["tier"] = "data" },
        }, new CustomResourceOptions { Protect = true, Version = "1.2.3" });

        var pair = new Pair("web");
        var app = new Thing("app", new ThingArgs
        {
            Name = Output.Format($"app-{database.Address}"),
            Peer = database,
        }, new CustomResourceOptions { DependsOn = { pair } });

        DatabaseAddress = database.Address;
        AppName = app.Name;
        Password = password;
    }

    [Output("databaseAddress")]
    public Output<string> DatabaseAddress { get; set; }

    [Output("appName")]
    public Output<string> AppName { get; set; }

    [Output("password")]
    public Output<string> Password { get; set; }
}
