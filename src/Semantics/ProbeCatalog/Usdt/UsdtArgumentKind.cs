namespace BtLang.Semantics.ProbeCatalog.Usdt;

/// <summary>Where a USDT argument's value lives.</summary>
public enum UsdtArgumentKind
{
    /// <summary><c>$imm</c>: a constant.</summary>
    Constant,

    /// <summary><c>%reg</c>: the value is in a register.</summary>
    Register,

    /// <summary><c>disp(%base[,%index,scale])</c>: the value is in memory at base + index*scale + disp.</summary>
    Memory,
}
