using BtLang.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace BtLang.Syntax.Parsing;

/// <summary>A syntax diagnostic before it gets its tree's location.</summary>
internal readonly record struct PendingDiagnostic(DiagnosticDescriptor Descriptor, TextSpan Span, object?[] Arguments);
