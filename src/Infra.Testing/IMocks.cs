namespace Infra.Testing;

/// <summary>
/// Answers the engine's side of a test run: the outputs of each new resource and the results of
/// provider functions. Mock it with Moq or implement it by hand.
/// </summary>
public interface IMocks
{
    /// <summary>
    /// Called for every registered resource (custom and component, not the stack) and every read.
    /// Returns the ID (null for components) and the output state (a dictionary or an object).
    /// Inputs are not copied into outputs automatically.
    /// </summary>
    /// <param name="args">The registration.</param>
    Task<(string? Id, object State)> NewResourceAsync(MockResourceArgs args);

    /// <summary>Called for every provider function call; returns the result (a dictionary or an object).</summary>
    /// <param name="args">The call.</param>
    Task<object> CallAsync(MockCallArgs args);

    /// <summary>Called when a component or the stack registers its outputs.</summary>
    /// <param name="request">The outputs.</param>
    Task RegisterResourceOutputs(MockRegisterResourceOutputsRequest request) => Task.CompletedTask;
}
