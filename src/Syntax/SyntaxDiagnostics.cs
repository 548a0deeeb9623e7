using BtLang.Diagnostics;

namespace BtLang.Syntax;

/// <summary>Every syntax diagnostic (IDs BT0001..BT0999). Messages follow bpftrace's wording where it has one.</summary>
public static class SyntaxDiagnostics
{
    public static readonly DiagnosticDescriptor UnexpectedToken = new(
        "BT0001", DiagnosticSeverity.Error, "Unexpected token", "syntax error, unexpected {0}");

    public static readonly DiagnosticDescriptor UnexpectedTokenExpecting = new(
        "BT0002", DiagnosticSeverity.Error, "Unexpected token where something else was expected", "syntax error, unexpected {0}, expecting {1}");

    public static readonly DiagnosticDescriptor MissingSemicolon = new(
        "BT0003", DiagnosticSeverity.Error, "Missing ';' between statements", "syntax error, unexpected {0}, expecting ; or }}");

    public static readonly DiagnosticDescriptor UnterminatedString = new(
        "BT0004", DiagnosticSeverity.Error, "Unterminated string", "unterminated string");

    public static readonly DiagnosticDescriptor UnterminatedComment = new(
        "BT0005", DiagnosticSeverity.Error, "Unterminated comment", "unterminated comment");

    public static readonly DiagnosticDescriptor InvalidCharacter = new(
        "BT0006", DiagnosticSeverity.Error, "Invalid character", "invalid character '{0}'");

    public static readonly DiagnosticDescriptor InvalidInteger = new(
        "BT0007", DiagnosticSeverity.Error, "Invalid integer literal", "invalid integer literal '{0}'");

    public static readonly DiagnosticDescriptor IntegerTooLarge = new(
        "BT0008", DiagnosticSeverity.Error, "Integer literal too large", "integer literal '{0}' is out of range");

    public static readonly DiagnosticDescriptor InvalidEscape = new(
        "BT0009", DiagnosticSeverity.Error, "Invalid escape sequence", "invalid escape character '{0}'");

    public static readonly DiagnosticDescriptor NestingTooDeep = new(
        "BT0010", DiagnosticSeverity.Error, "Nesting too deep", "nesting too deep: more than {0} levels of brackets");

    public static readonly DiagnosticDescriptor BlockExpressionWithoutValue = new(
        "BT0011", DiagnosticSeverity.Error, "Block expression without a value", "a block expression must end with an expression");

    public static readonly DiagnosticDescriptor UnexpectedEndOfFile = new(
        "BT0012", DiagnosticSeverity.Error, "Unexpected end of file", "syntax error, unexpected end of file, expecting {0}");

    public static readonly DiagnosticDescriptor InternalParserError = new(
        "BT0999", DiagnosticSeverity.Error, "Internal parser error", "internal error: the parser lost part of the text; the file is kept unparsed");

    /// <summary>All descriptors, for documentation and tests.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> All { get; } = new[]
    {
        UnexpectedToken, UnexpectedTokenExpecting, MissingSemicolon, UnterminatedString, UnterminatedComment,
        InvalidCharacter, InvalidInteger, IntegerTooLarge, InvalidEscape, NestingTooDeep, BlockExpressionWithoutValue,
        UnexpectedEndOfFile, InternalParserError,
    };
}
