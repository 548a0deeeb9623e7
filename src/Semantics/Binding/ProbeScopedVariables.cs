using BtLang.Syntax;

namespace BtLang.Semantics.Binding;

/// <summary>
/// Finds the scratch variables of one probe that a script written for bpftrace 0.20 or older relies on being
/// probe-wide: read where no enclosing block assigns them, after an earlier block of the same probe did (typically
/// <c>if (...) { $a = 1; } else { $a = 2; } print($a);</c>). Today's bpftrace scopes variables to their block and
/// rejects the read; BtLang gives such a variable probe scope, with a warning, unless the probe declares the name
/// with <c>let</c> anywhere (then the script is written for block scoping and the read stays an error).
/// </summary>
internal sealed class ProbeScopedVariables
{
    private readonly List<HashSet<string>> _scopes = new();
    private readonly HashSet<string> _assigned = new(StringComparer.Ordinal);
    private readonly HashSet<string> _declaredWithLet = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SyntaxToken> _reads = new(StringComparer.Ordinal);

    private ProbeScopedVariables()
    {
    }

    /// <summary>
    /// The variables of <paramref name="body"/> that need probe scope, each with its first read outside the blocks
    /// that assign it. Empty (and allocation-free) for the usual probe.
    /// </summary>
    public static IReadOnlyDictionary<string, SyntaxToken> Find(BlockSyntax body)
    {
        if (!HasNestedBlock(body))
        {
            return Empty;
        }

        var finder = new ProbeScopedVariables();
        finder._scopes.Add(new HashSet<string>(StringComparer.Ordinal));
        foreach (var statement in body.Statements)
        {
            finder.Walk(statement);
        }

        foreach (string name in finder._declaredWithLet)
        {
            finder._reads.Remove(name);
        }

        return finder._reads.Count == 0 ? Empty : finder._reads;
    }

    private static readonly IReadOnlyDictionary<string, SyntaxToken> Empty = new Dictionary<string, SyntaxToken>();

    /// <summary>A probe without a nested block statement cannot have a variable assigned only in one.</summary>
    private static bool HasNestedBlock(BlockSyntax body)
    {
        foreach (var statement in body.Statements)
        {
            if (statement is IfStatementSyntax or WhileStatementSyntax or UnrollStatementSyntax or ForStatementSyntax or BlockStatementSyntax)
            {
                return true;
            }
        }

        return false;
    }

    private void Walk(SyntaxNode node)
    {
        switch (node)
        {
            case BlockSyntax block:
                _scopes.Add(new HashSet<string>(StringComparer.Ordinal));
                foreach (var statement in block.Statements)
                {
                    Walk(statement);
                }

                _scopes.RemoveAt(_scopes.Count - 1);
                return;
            case AssignmentStatementSyntax assignment:
                Walk(assignment.Value);
                if (assignment.Target is VariableExpressionSyntax target)
                {
                    if (assignment.OperatorToken.Text == "=")
                    {
                        Assign(target.VariableToken.Text);
                    }
                    else
                    {
                        Read(target.VariableToken);
                    }
                }
                else
                {
                    Walk(assignment.Target);
                }

                return;
            case VariableDeclarationStatementSyntax declaration:
                if (declaration.Initializer is { } initializer)
                {
                    Walk(initializer);
                }

                _declaredWithLet.Add(declaration.VariableToken.Text);
                _scopes[^1].Add(declaration.VariableToken.Text);
                return;
            case ForStatementSyntax loop:
                Walk(loop.Iterable);
                _scopes.Add(new HashSet<string>(StringComparer.Ordinal) { loop.VariableToken.Text });
                Walk(loop.Body);
                _scopes.RemoveAt(_scopes.Count - 1);
                return;
            case VariableExpressionSyntax variable:
                Read(variable.VariableToken);
                return;
            default:
                foreach (var child in node.ChildNodes())
                {
                    Walk(child);
                }

                return;
        }
    }

    private bool InScope(string name)
    {
        for (int i = _scopes.Count - 1; i >= 0; i--)
        {
            if (_scopes[i].Contains(name))
            {
                return true;
            }
        }

        return false;
    }

    private void Assign(string name)
    {
        if (!InScope(name))
        {
            _scopes[^1].Add(name);
        }

        _assigned.Add(name);
    }

    private void Read(SyntaxToken token)
    {
        string name = token.Text;
        if (InScope(name) || !_assigned.Contains(name))
        {
            return;
        }

        // From here on the variable is probe-wide: later reads are in scope.
        _reads.TryAdd(name, token);
        _scopes[0].Add(name);
    }
}
