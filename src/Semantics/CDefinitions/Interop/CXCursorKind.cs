namespace BtLang.Semantics.CDefinitions.Interop;

/// <summary>The CXCursorKind values the front end looks at.</summary>
internal enum CXCursorKind
{
    StructDecl = 2,
    UnionDecl = 3,
    EnumDecl = 5,
    FieldDecl = 6,
    EnumConstantDecl = 7,
    VarDecl = 9,
    TypedefDecl = 20,
    MacroDefinition = 501,
}
