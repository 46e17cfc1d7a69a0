namespace Infra.Engine.Execution;

/// <summary>How a <see cref="StepExecutor"/> runs.</summary>
internal sealed record StepExecutorOptions
{
    /// <summary>The default bound on parallel steps: 4 × the processor count (<c>--parallel</c>).</summary>
    public static int DefaultMaxParallelism => 4 * Environment.ProcessorCount;

    /// <summary>The most steps that run at once; at least 1.</summary>
    public int MaxParallelism { get; init; } = DefaultMaxParallelism;

    /// <summary>In preview, providers are called in preview mode, nothing is deleted and no pending operation is recorded.</summary>
    public bool Preview { get; init; }

    /// <summary>Clock for timestamps and custom timeouts.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Hooks around each step (the state store, progress); null for none.</summary>
    public IStepObserver? Observer { get; init; }
}
