namespace Infra.Engine.Execution;

/// <summary>A provider call exceeded the resource's custom timeout.</summary>
internal sealed class StepTimeoutException(string message, Exception? innerException) : Exception(message, innerException);
