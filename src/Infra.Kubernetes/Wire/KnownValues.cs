namespace Infra.Kubernetes.Wire;

/// <summary>
/// Reads an input's value when it is already known at construction (a plain value, or an output that
/// has resolved), so constructors can validate it before anything is registered. Values that come from
/// other resources are usually not known yet; they are not validated here.
/// </summary>
internal static class KnownValues
{
    /// <summary>The value of <paramref name="input"/> if it is known now; false otherwise.</summary>
    public static bool TryGet<T>(Input<T>? input, out T value, out bool isSecret)
    {
        value = default!;
        isSecret = false;
        if (input is null)
        {
            return false;
        }

        var output = input.ToOutput();
        var known = false;
        T seen = default!;

        // Apply runs its callback synchronously when the value is already resolved and known.
        _ = output.Apply(v =>
        {
            seen = v;
            known = true;
            return 0;
        });
        if (!known)
        {
            return false;
        }

        var secret = Output.IsSecretAsync(output);
        isSecret = !secret.IsCompletedSuccessfully || secret.Result;
        value = seen;
        return true;
    }
}
