namespace BtLang.Driver.Output;

/// <summary>No value (<c>none</c>); text prints nothing, JSON prints <c>null</c>.</summary>
public sealed record NoneValue : Value
{
    public static NoneValue Instance { get; } = new();
}
