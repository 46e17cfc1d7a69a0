namespace Infra;

/// <summary>Untyped access to an input, used by serialization.</summary>
internal interface IInput
{
    IOutput ToUntypedOutput();
}
