using System.Collections.Immutable;
using Grpc.Core;
using Infra.Protocol;
using Infra.Protocol.Rpc;
using Infra.Runtime;

namespace Infra;

/// <summary>Entry points that run a program against the engine named by the environment.</summary>
public sealed partial class Deployment
{
    /// <summary>The text printed when a program is started without an engine.</summary>
    internal const string NoEngineMessage =
        "This is an Infra program: it must be run by an engine, not directly. From the project directory run"
        + " 'infra preview' (or 'infra up') with the built-in engine, or 'pulumi preview' with the Pulumi CLI.";

    /// <summary>Runs a stack class: its constructor creates the resources, its <see cref="OutputAttribute"/> properties are the stack outputs.</summary>
    /// <typeparam name="TStack">The stack class.</typeparam>
    /// <returns>The process exit code: 0 on success, 32 when an error was reported to the engine, 1 otherwise.</returns>
    public static Task<int> RunAsync<TStack>()
        where TStack : Stack, new() =>
        RunFromEnvironmentAsync(_ => Task.FromResult<Stack>(new TStack()));

    /// <summary>Runs a function that creates resources and returns the stack outputs.</summary>
    /// <param name="program">The program.</param>
    /// <returns>The process exit code.</returns>
    public static Task<int> RunAsync(Func<Task<IDictionary<string, object?>>> program)
    {
        ArgumentNullException.ThrowIfNull(program);
        return RunFromEnvironmentAsync(d => RunCallbackAsync(program));
    }

    /// <summary>Runs a function that creates resources and returns the stack outputs.</summary>
    /// <param name="program">The program.</param>
    /// <returns>The process exit code.</returns>
    public static Task<int> RunAsync(Func<IDictionary<string, object?>> program)
    {
        ArgumentNullException.ThrowIfNull(program);
        return RunAsync(() => Task.FromResult(program()));
    }

    /// <summary>Runs a function that creates resources.</summary>
    /// <param name="program">The program.</param>
    /// <returns>The process exit code.</returns>
    public static Task<int> RunAsync(Func<Task> program)
    {
        ArgumentNullException.ThrowIfNull(program);
        return RunAsync(async () =>
        {
            await program().ConfigureAwait(false);
            return (IDictionary<string, object?>)new Dictionary<string, object?>();
        });
    }

    /// <summary>Runs an action that creates resources.</summary>
    /// <param name="program">The program.</param>
    /// <returns>The process exit code.</returns>
    public static Task<int> RunAsync(Action program)
    {
        ArgumentNullException.ThrowIfNull(program);
        return RunAsync(() =>
        {
            program();
            return (IDictionary<string, object?>)new Dictionary<string, object?>();
        });
    }

    /// <summary>Runs a program against a monitor and engine; shared by real runs and tests.</summary>
    internal static async Task<RunOutcome> RunCoreAsync(
        DeploymentSettings settings,
        IMonitor monitor,
        IEngine engine,
        TextWriter stderr,
        Func<Deployment, Task<Stack>> createStack)
    {
        var deployment = Enter(settings, monitor, engine, stderr);
        try
        {
            var stack = await createStack(deployment).ConfigureAwait(false);
            var outputs = ComponentResource.CollectOutputProperties(stack);
            if (stack is CallbackStack callback)
            {
                outputs = outputs.SetItems(callback.Outputs);
            }

            deployment.Registrar.RegisterOutputs(stack, outputs);
        }
        catch (System.Reflection.TargetInvocationException e) when (e.InnerException is not null)
        {
            deployment.Runner.Fail(e.InnerException);
        }
        catch (Exception e)
        {
            deployment.Runner.Fail(e);
        }

        var errors = await deployment.Runner.WhileRunningAsync().ConfigureAwait(false);
        var exitCode = await deployment.FinishAsync(errors).ConfigureAwait(false);
        return new RunOutcome(deployment, exitCode, errors);
    }

    internal static bool IsShutdownSignal(Exception exception)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (current is RpcException { StatusCode: StatusCode.Unavailable or StatusCode.Cancelled })
            {
                return true;
            }
        }

        return false;
    }

    private static async Task<Stack> RunCallbackAsync(Func<Task<IDictionary<string, object?>>> program)
    {
        var stack = new CallbackStack();
        var outputs = await program().ConfigureAwait(false);
        stack.Outputs = (outputs ?? new Dictionary<string, object?>()).ToImmutableDictionary();
        return stack;
    }

    private static async Task<int> RunFromEnvironmentAsync(Func<Deployment, Task<Stack>> createStack)
    {
        var settings = DeploymentSettings.FromEnvironment(Environment.GetEnvironmentVariable, out var problem);
        if (settings is null)
        {
            await Console.Error.WriteLineAsync($"{NoEngineMessage} ({problem}.)").ConfigureAwait(false);
            Environment.ExitCode = 1;
            return 1;
        }

        using var monitorChannel = GrpcChannels.Create(settings.MonitorAddress);
        using var engineChannel = GrpcChannels.Create(settings.EngineAddress);
        var outcome = await RunCoreAsync(settings, new GrpcMonitor(monitorChannel), new GrpcEngine(engineChannel), Console.Error, createStack)
            .ConfigureAwait(false);
        Environment.ExitCode = outcome.ExitCode;
        return outcome.ExitCode;
    }

    private static string Describe(Exception exception)
    {
        var root = exception is ResourceException { InnerException: { } inner } && exception.Message == inner.Message ? inner : exception;
        return root is RunException or ArgumentException or ConfigMissingException or InvalidOperationException
            ? root.Message
            : root.ToString();
    }

    private async Task<int> FinishAsync(ImmutableArray<Exception> errors)
    {
        if (errors.Length > 0)
        {
            if (!errors.Any(IsShutdownSignal))
            {
                foreach (var error in errors.Distinct(ReferenceEqualityComparer.Instance).Cast<Exception>())
                {
                    if (error is ResourceFailedException)
                    {
                        continue;
                    }

                    var urn = error is ResourceException { Resource: { } resource } ? resource.ComputedUrn : string.Empty;
                    await Logger.LogAsync(LogSeverity.Error, Describe(error), urn).ConfigureAwait(false);
                }
            }

            return WireConstants.ExitCodeErrorReported;
        }

        if (Logger.LoggingFailed || Logger.ErrorCount > 0)
        {
            return 1;
        }

        try
        {
            await Monitor.SignalAndWaitForShutdownAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (IsShutdownSignal(e))
        {
            return WireConstants.ExitCodeErrorReported;
        }

        return 0;
    }
}
