using System.Collections.Immutable;
using BtLang.Semantics.Types;
using BtLang.Syntax;

namespace BtLang.Semantics.Binding;

/// <summary>
/// Macros (bpftrace 0.25): <c>macro add_one($x) { $x + 1 }</c>. A call is expanded where it is bound: <c>$x</c>
/// parameters become fresh variables holding the argument values, <c>@m</c> parameters name the caller's map, and
/// bare identifier parameters stand for the argument expression. The body sees none of the caller's variables;
/// its last expression without a semicolon is the value of the call.
/// </summary>
internal sealed partial class Binder
{
    private const int MaxMacroDepth = 16;

    private Dictionary<string, MacroDefinitionSyntax> _macros = new(StringComparer.Ordinal);
    private Dictionary<string, string> _mapAliases = new(StringComparer.Ordinal);
    private Dictionary<string, BoundExpression> _identifierArguments = new(StringComparer.Ordinal);
    private int _macroDepth;

    /// <summary>The map a token names, seen through the macro parameters in scope.</summary>
    private string MapName(SyntaxToken token) => _mapAliases.TryGetValue(token.Text, out var alias) ? alias : token.Text;

    private void CollectMacros(IEnumerable<CompilationUnitSyntax> roots)
    {
        _macros = new Dictionary<string, MacroDefinitionSyntax>(StringComparer.Ordinal);
        foreach (var macro in roots.SelectMany(r => r.Members).OfType<MacroDefinitionSyntax>())
        {
            string name = macro.Identifier.Text;
            if (!_macros.TryAdd(name, macro))
            {
                Report(SemanticDiagnostics.MacroError, macro.Identifier, $"Macro {name} is defined more than once");
            }
        }
    }

    private bool IsMacro(string name) => _macros.ContainsKey(name);

    private BoundExpression BindMacroCall(SyntaxNode call, string name, IReadOnlyList<ExpressionSyntax> arguments)
    {
        var macro = _macros[name];
        var parameters = macro.Parameters;
        if (parameters.Count != arguments.Count)
        {
            Report(SemanticDiagnostics.MacroError, call, $"Macro {name} takes {parameters.Count} argument{(parameters.Count == 1 ? string.Empty : "s")} ({arguments.Count} provided)");
            return new BoundError(call);
        }

        if (_macroDepth >= MaxMacroDepth)
        {
            Report(SemanticDiagnostics.MacroError, call, $"Macro {name} expands too deeply (recursive macro?)");
            return new BoundError(call);
        }

        var statements = ImmutableArray.CreateBuilder<BoundStatement>();
        var aliases = new Dictionary<string, string>(_mapAliases, StringComparer.Ordinal);
        var identifiers = new Dictionary<string, BoundExpression>(StringComparer.Ordinal);
        var bodyScope = new Scope(null);
        for (int i = 0; i < parameters.Count; i++)
        {
            var parameter = parameters[i].Identifier;
            var argument = arguments[i];
            if (parameter.Text.StartsWith('@'))
            {
                if (argument is not MapExpressionSyntax { Keys: null } map)
                {
                    Report(SemanticDiagnostics.MacroError, argument, $"Macro {name}: parameter {parameter.Text} needs a map argument");
                    return new BoundError(call);
                }

                aliases[parameter.Text] = MapName(map.MapToken);
            }
            else if (parameter.Text.StartsWith('$'))
            {
                var value = BindExpression(argument);
                var variable = new Symbols.VariableSymbol(parameter.Text, TypeFacts.Widen(value.Type), Loc(parameter), _variableIds++);
                bodyScope.Declare(variable);
                statements.Add(new BoundVariableAssignment(argument, variable, value));
            }
            else
            {
                identifiers[parameter.Text] = BindExpression(argument);
            }
        }

        var savedScope = _scope;
        var savedAliases = _mapAliases;
        var savedIdentifiers = _identifierArguments;
        _scope = bodyScope;
        _mapAliases = aliases;
        _identifierArguments = identifiers;
        _macroDepth++;
        BoundExpression? result = null;
        try
        {
            var body = macro.Body.Statements;
            for (int i = 0; i < body.Count; i++)
            {
                bool last = i == body.Count - 1;
                if (last && body[i] is ExpressionStatementSyntax { SemicolonToken.Text.Length: 0 })
                {
                    result = BindExpression(((ExpressionStatementSyntax)body[i]).Expression, allowVoid: true);
                    break;
                }

                if (BindStatement(body[i]) is { } bound)
                {
                    statements.Add(bound);
                }
            }
        }
        finally
        {
            _macroDepth--;
            _scope = savedScope;
            _mapAliases = savedAliases;
            _identifierArguments = savedIdentifiers;
        }

        if (result is { Type.IsError: true })
        {
            return result;
        }

        if (result is { Type.Kind: TypeKind.Void })
        {
            // A macro ending in a call such as printf(): run it as a statement; the expansion has no value.
            statements.Add(new BoundExpressionStatement(result.Syntax, result));
            result = null;
        }

        return new BoundBlockExpression(call, statements.ToImmutable(), result);
    }
}
