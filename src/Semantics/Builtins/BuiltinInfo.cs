namespace BtLang.Semantics.Builtins;

/// <summary>Documentation and shape of one builtin variable or function, shared by the binder and the language server.</summary>
/// <param name="Name">Name as written in scripts.</param>
/// <param name="IsFunction">True for functions (<c>count()</c>), false for variables (<c>pid</c>).</param>
/// <param name="Signature">Signature as shown in hovers, e.g. <c>hist(int64 n[, int k]) -> hist_t</c>.</param>
/// <param name="Documentation">One or two sentences.</param>
/// <param name="MinArguments">Fewest arguments a call takes.</param>
/// <param name="MaxArguments">Most arguments a call takes (int.MaxValue for printf-like functions).</param>
/// <param name="IsAggregation">Only valid as the value assigned to a map (<c>@x = count()</c>).</param>
/// <param name="IsUnsafe">Needs <c>--unsafe</c>.</param>
/// <param name="AliasOf">For old spellings (<c>quantize</c>, <c>stack</c>, <c>sym</c>): the current name.</param>
public sealed record BuiltinInfo(
    string Name,
    bool IsFunction,
    string Signature,
    string Documentation,
    int MinArguments = 0,
    int MaxArguments = 0,
    bool IsAggregation = false,
    bool IsUnsafe = false,
    string? AliasOf = null);
