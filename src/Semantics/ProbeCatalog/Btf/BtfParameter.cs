namespace BtLang.Semantics.ProbeCatalog.Btf;

/// <summary>A function prototype parameter. A variadic <c>...</c> has type id 0 and an empty name.</summary>
public sealed record BtfParameter(string Name, int TypeId);
