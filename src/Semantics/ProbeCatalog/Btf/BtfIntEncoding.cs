namespace BtLang.Semantics.ProbeCatalog.Btf;

/// <summary>The encoding bits of a BTF INT (BTF_INT_SIGNED, BTF_INT_CHAR, BTF_INT_BOOL).</summary>
[Flags]
public enum BtfIntEncoding
{
    None = 0,
    Signed = 1,
    Char = 2,
    Bool = 4,
}
