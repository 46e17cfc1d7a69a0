namespace Infra.Engine.Providers;

/// <summary>The change of one property path in a detailed diff.</summary>
/// <param name="Kind">How the property changes.</param>
/// <param name="InputDiff">True when the change is between inputs (not outputs).</param>
internal sealed record PropertyDiff(PropertyDiffKind Kind, bool InputDiff = true)
{
    /// <summary>Whether this change forces a replacement.</summary>
    public bool IsReplace => Kind is PropertyDiffKind.AddReplace or PropertyDiffKind.DeleteReplace or PropertyDiffKind.UpdateReplace;
}
