namespace BtLang.Semantics.Symbols;

public enum SymbolKind
{
    Probe,
    Map,
    Variable,
    Builtin,
    Function,
    PositionalParameter,
    Macro,
    Type,
}
