using System.Collections.Immutable;
using System.Runtime.ExceptionServices;
using Infra.Runtime;

namespace Infra.Testing;

/// <summary>
/// Runs programs in-process against <see cref="IMocks"/>: <c>await Deployment.TestAsync&lt;MyStack&gt;(mocks)</c>.
/// The program talks to an in-process monitor through exactly the serialization a real run uses.
/// </summary>
public static class DeploymentTestExtensions
{
    extension(Deployment)
    {
        /// <summary>Runs a stack class against mocks; throws the program's error if it fails.</summary>
        /// <typeparam name="TStack">The stack class.</typeparam>
        /// <param name="mocks">The mocks.</param>
        /// <param name="options">The options; preview by default.</param>
        public static Task<StackTestResult> TestAsync<TStack>(IMocks mocks, TestOptions? options = null)
            where TStack : Stack, new() =>
            ThrowOnErrorAsync(RunAsync(mocks, options, _ => Task.FromResult<Stack>(new TStack())));

        /// <summary>Runs a function against mocks; its dictionary becomes the stack outputs.</summary>
        /// <param name="mocks">The mocks.</param>
        /// <param name="options">The options; preview by default.</param>
        /// <param name="program">The program.</param>
        public static Task<StackTestResult> TestAsync(IMocks mocks, TestOptions? options, Func<Task<IDictionary<string, object?>>> program)
        {
            ArgumentNullException.ThrowIfNull(program);
            return ThrowOnErrorAsync(RunAsync(mocks, options, _ => RunCallbackAsync(program)));
        }

        /// <summary>Runs an action against mocks.</summary>
        /// <param name="mocks">The mocks.</param>
        /// <param name="options">The options; preview by default.</param>
        /// <param name="program">The program.</param>
        public static Task<StackTestResult> TestAsync(IMocks mocks, TestOptions? options, Action program)
        {
            ArgumentNullException.ThrowIfNull(program);
            return Deployment.TestAsync(mocks, options, () =>
            {
                program();
                return Task.FromResult<IDictionary<string, object?>>(new Dictionary<string, object?>());
            });
        }

        /// <summary>Runs a stack class against mocks and returns the result even when the program fails.</summary>
        /// <typeparam name="TStack">The stack class.</typeparam>
        /// <param name="mocks">The mocks.</param>
        /// <param name="options">The options; preview by default.</param>
        public static Task<StackTestResult> TryTestAsync<TStack>(IMocks mocks, TestOptions? options = null)
            where TStack : Stack, new() =>
            RunAsync(mocks, options, _ => Task.FromResult<Stack>(new TStack()));

        /// <summary>Runs a function against mocks and returns the result even when the program fails.</summary>
        /// <param name="mocks">The mocks.</param>
        /// <param name="options">The options; preview by default.</param>
        /// <param name="program">The program.</param>
        public static Task<StackTestResult> TryTestAsync(IMocks mocks, TestOptions? options, Func<Task<IDictionary<string, object?>>> program)
        {
            ArgumentNullException.ThrowIfNull(program);
            return RunAsync(mocks, options, _ => RunCallbackAsync(program));
        }
    }

    private static async Task<Stack> RunCallbackAsync(Func<Task<IDictionary<string, object?>>> program)
    {
        var stack = new CallbackStack();
        var outputs = await program().ConfigureAwait(false);
        stack.Outputs = (outputs ?? new Dictionary<string, object?>()).ToImmutableDictionary();
        return stack;
    }

    private static async Task<StackTestResult> RunAsync(IMocks mocks, TestOptions? options, Func<Deployment, Task<Stack>> createStack)
    {
        ArgumentNullException.ThrowIfNull(mocks);
        options ??= new TestOptions();
        var config = options.Config.Concat(options.SecretConfig)
            .ToImmutableDictionary(p => DeploymentSettings.NormalizeKey(p.Key), p => p.Value);
        var settings = new DeploymentSettings
        {
            MonitorAddress = "in-process",
            EngineAddress = "in-process",
            Project = options.ProjectName,
            Stack = options.StackName,
            Organization = options.OrganizationName,
            IsDryRun = options.IsPreview,
            Config = config,
            SecretKeys = options.SecretConfig.Keys.Select(DeploymentSettings.NormalizeKey).ToImmutableHashSet(),
        };
        var monitor = new MockMonitor(mocks, options);
        var engine = new MockEngine();
        using var stderr = new StringWriter();
        var outcome = await Task.Run(() => Deployment.RunCoreAsync(settings, monitor, engine, stderr, createStack)).ConfigureAwait(false);
        return new StackTestResult(
            outcome.Deployment.Registrar.Resources,
            monitor.Registrations,
            monitor.StackOutputs,
            [.. engine.Logs],
            outcome.Errors,
            outcome.ExitCode);
    }

    private static async Task<StackTestResult> ThrowOnErrorAsync(Task<StackTestResult> run)
    {
        var result = await run.ConfigureAwait(false);
        var errors = result.Errors.Distinct(ReferenceEqualityComparer.Instance).Cast<Exception>()
            .Where(e => e is not ResourceFailedException)
            .Select(Unwrap)
            .ToList();
        if (errors.Count == 1)
        {
            ExceptionDispatchInfo.Capture(errors[0]).Throw();
        }

        if (errors.Count > 1)
        {
            throw new AggregateException("The program failed with several errors.", errors);
        }

        var logged = result.Logs.Where(l => l.Severity == "error").Select(l => l.Message).ToList();
        if (logged.Count > 0 || result.ExitCode != 0)
        {
            throw new RunException($"The program logged errors: {string.Join(Environment.NewLine, logged)}");
        }

        return result;
    }

    private static Exception Unwrap(Exception exception) =>
        exception is ResourceException { InnerException: { } inner } wrapper && wrapper.GetType() == typeof(ResourceException)
            && wrapper.Message == inner.Message
            ? inner
            : exception;
}
