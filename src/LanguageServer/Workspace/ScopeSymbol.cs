namespace BtLang.LanguageServer.Workspace;

/// <summary>A map or scratch variable visible at a position, for completion.</summary>
/// <param name="Name">The name with its sigil: <c>@start</c>, <c>$x</c>.</param>
/// <param name="Display">Its description, e.g. <c>@start: map[uint32] -> uint64</c> or <c>$x: int64</c>.</param>
/// <param name="IsMap">True for maps.</param>
/// <param name="OnlyAtCursor">True if its only mention is the word being typed (so it is not offered to itself).</param>
public sealed record ScopeSymbol(string Name, string Display, bool IsMap, bool OnlyAtCursor);
