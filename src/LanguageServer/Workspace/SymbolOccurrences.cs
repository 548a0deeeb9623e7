using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Text;

namespace BtLang.LanguageServer.Workspace;

/// <summary>A map or scratch variable named at a position, with every place it is mentioned.</summary>
/// <param name="Name">The name with its sigil.</param>
/// <param name="IsMap">True for a map (global), false for a scratch variable (scoped).</param>
/// <param name="Display">Its description with its type, e.g. <c>@start: map[uint32] -> uint64</c>.</param>
/// <param name="Definitions">Where it is declared or first assigned.</param>
/// <param name="References">Every mention (definitions included), in text order.</param>
/// <param name="Writes">The mentions that assign it.</param>
public sealed record SymbolOccurrences(string Name, bool IsMap, string Display, ImmutableArray<TextSpan> Definitions, ImmutableArray<TextSpan> References, ImmutableArray<TextSpan> Writes);
