namespace BtLang.Semantics.ProbeCatalog.Btf;

/// <summary>An enumerator of an ENUM or ENUM64 type.</summary>
public sealed record BtfEnumValue(string Name, long Value);
