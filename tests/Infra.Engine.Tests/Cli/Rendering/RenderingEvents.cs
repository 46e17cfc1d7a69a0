using System.Collections.Immutable;
using Infra.Engine.Deployments;
using Infra.Engine.Deployments.Events;
using Infra.Engine.Planning;
using Infra.Protocol.Values;

namespace Infra.Engine.Tests.Cli.Rendering;

/// <summary>Fixed event sequences for the rendering snapshot tests.</summary>
internal static class RenderingEvents
{
    public const string StackUrn = "urn:pulumi:dev::demo::pulumi:pulumi:Stack::demo-dev";
    public const string WebUrn = "urn:pulumi:dev::demo::test:index:Resource::web";
    public const string DbUrn = "urn:pulumi:dev::demo::test:index:Resource::db";
    public const string OldUrn = "urn:pulumi:dev::demo::test:index:Resource::old";

    public static PropertyValue Secret(string text) => PropertyValue.CreateSecret(PropertyValue.Create(text));

    public static ResourceStepEvent Step(string urn, string type, string name, StepKind kind, StepPhase phase, string? parent = StackUrn) => new()
    {
        Urn = urn,
        Type = type,
        Name = name,
        Parent = urn == StackUrn ? null : parent,
        Kind = kind,
        Phase = phase,
    };

    /// <summary>A preview that creates the stack and <c>web</c> (with a secret input), updates <c>db</c> and deletes <c>old</c>.</summary>
    public static IReadOnlyList<OperationEvent> Preview() =>
    [
        new OperationStartedEvent(OperationKind.Preview, "demo", "dev"),
        Step(StackUrn, "pulumi:pulumi:Stack", "demo-dev", StepKind.Create, StepPhase.Started),
        Step(WebUrn, "test:index:Resource", "web", StepKind.Create, StepPhase.Started) with
        {
            Changes =
            [
                new PropertyChange("name", PropertyChangeKind.Add, null, PropertyValue.Create("web")),
                new PropertyChange("password", PropertyChangeKind.Add, null, Secret("hunter2")),
            ],
        },
        Step(DbUrn, "test:index:Resource", "db", StepKind.Update, StepPhase.Started) with
        {
            Changes =
            [
                new PropertyChange("size", PropertyChangeKind.Update, PropertyValue.Create(1), PropertyValue.Create(2)),
                new PropertyChange("token", PropertyChangeKind.Update, Secret("old-token"), Secret("new-token")),
            ],
        },
        Step(OldUrn, "test:index:Resource", "old", StepKind.Delete, StepPhase.Started),
        new ProgramOutputEvent("hello from the program", IsStandardError: false),
        new OperationFinishedEvent(new OperationResult
        {
            Kind = OperationKind.Preview,
            Succeeded = true,
            Counts = ImmutableSortedDictionary<StepKind, int>.Empty
                .Add(StepKind.Create, 2).Add(StepKind.Update, 1).Add(StepKind.Delete, 1).Add(StepKind.Same, 3),
            Outputs = ImmutableSortedDictionary<string, PropertyValue>.Empty
                .Add("url", PropertyValue.Create("http://web"))
                .Add("apiKey", Secret("s3cr3t")),
            Duration = TimeSpan.FromSeconds(2),
        }),
    ];

    /// <summary>An update: the stack runs, <c>web</c> is created (reported twice), <c>db</c> fails.</summary>
    public static IReadOnlyList<OperationEvent> FailingUpdate() =>
    [
        new OperationStartedEvent(OperationKind.Update, "demo", "dev"),
        Step(StackUrn, "pulumi:pulumi:Stack", "demo-dev", StepKind.Same, StepPhase.Started),
        Step(WebUrn, "test:index:Resource", "web", StepKind.Create, StepPhase.Started),
        Step(WebUrn, "test:index:Resource", "web", StepKind.Create, StepPhase.Succeeded) with { Elapsed = TimeSpan.FromMilliseconds(120) },
        Step(WebUrn, "test:index:Resource", "web", StepKind.Create, StepPhase.Succeeded) with { Elapsed = TimeSpan.FromMilliseconds(120) },
        Step(DbUrn, "test:index:Resource", "db", StepKind.Update, StepPhase.Started) with
        {
            Changes = [new PropertyChange("size", PropertyChangeKind.Update, PropertyValue.Create(1), PropertyValue.Create(2))],
        },
        Step(DbUrn, "test:index:Resource", "db", StepKind.Update, StepPhase.Failed) with { Message = "boom" },
        Step(StackUrn, "pulumi:pulumi:Stack", "demo-dev", StepKind.Same, StepPhase.Succeeded),
        new OperationFinishedEvent(new OperationResult
        {
            Kind = OperationKind.Update,
            Succeeded = false,
            Counts = ImmutableSortedDictionary<StepKind, int>.Empty.Add(StepKind.Create, 1).Add(StepKind.Same, 1),
            Failures = [$"{DbUrn}: boom"],
            Duration = TimeSpan.FromSeconds(3.2),
        }),
    ];
}
