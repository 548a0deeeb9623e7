using BtLang.Syntax;

namespace BtLang.Semantics.Binding;

/// <summary>
/// One attach point of a probe as one of its programs binds it: the written attach point, or (when a wildcard had to
/// be split by tracepoint format) one concrete tracepoint it matched, written out in full.
/// </summary>
/// <param name="Syntax">The attach point as written.</param>
/// <param name="ExpandedText">The concrete tracepoint (<c>tracepoint:category:name</c>), or null for the written text.</param>
internal readonly record struct AttachPointChoice(AttachPointSyntax Syntax, string? ExpandedText);
