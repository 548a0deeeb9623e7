using BtLang.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace BtLang.Syntax.Tests;

/// <summary>The red tree API: typed accessors, parents, spans, FindToken, walkers, rewriters, trees and locations.</summary>
public sealed class ApiTests
{
    private const string Script = "// c\nkprobe:vfs_read /pid == 1/ { @x[comm] = count(); $y = 1 + 2; }\n";

    [Fact]
    public void TypedAccessorsFollowSyntaxXml()
    {
        var root = SyntaxTree.ParseText(Script).GetRoot();
        var probe = Assert.IsType<ProbeSyntax>(Assert.Single(root.Members));
        var point = Assert.Single(probe.AttachPoints);
        Assert.Equal(new[] { "kprobe", ":", "vfs_read" }, point.Tokens.Select(t => t.Text));
        Assert.Equal(SyntaxKind.AttachPointPartToken, point.Tokens[0].Kind);
        Assert.Equal(SyntaxKind.ColonToken, point.Tokens[1].Kind);
        var predicate = Assert.IsType<PredicateSyntax>(probe.Predicate);
        var condition = Assert.IsType<BinaryExpressionSyntax>(predicate.Condition);
        Assert.Equal(SyntaxKind.EqualsEqualsToken, condition.OperatorToken.Kind);
        Assert.Equal(2, probe.Body.Statements.Count);
        var assignment = Assert.IsType<AssignmentStatementSyntax>(probe.Body.Statements[0]);
        var map = Assert.IsType<MapExpressionSyntax>(assignment.Target);
        Assert.Equal("@x", map.MapToken.Text);
        Assert.Equal("comm", Assert.IsType<IdentifierExpressionSyntax>(Assert.Single(map.Keys!.Arguments)).Identifier.Text);
        var call = Assert.IsType<CallExpressionSyntax>(assignment.Value);
        Assert.Equal("count", call.Identifier.Text);
        Assert.Empty(call.ArgumentList.Arguments);
        Assert.Equal(SyntaxKind.SemicolonToken, assignment.SemicolonToken.Kind);
    }

    [Fact]
    public void ParentsSpansAndToString()
    {
        var tree = SyntaxTree.ParseText(Script);
        var root = tree.GetRoot();
        var probe = (ProbeSyntax)root.Members[0];
        Assert.Same(root, probe.Parent);
        Assert.Same(probe, probe.Body.Parent);
        Assert.Same(probe.Body, probe.Body.Statements[0].Parent);
        Assert.Same(probe, probe.AttachPoints[0].Parent);
        Assert.Same(probe.AttachPoints[0], probe.AttachPoints[0].Tokens[0].Parent);
        Assert.Equal("kprobe:vfs_read /pid == 1/ { @x[comm] = count(); $y = 1 + 2; }", probe.ToString());
        Assert.Equal("// c\n", probe.GetFirstToken().LeadingTrivia.ToFullString());
        Assert.Equal(5, probe.Span.Start);
        Assert.Equal(0, probe.FullSpan.Start);
        Assert.Equal(Script, root.ToFullString());
        Assert.Same(tree, probe.SyntaxTree);
        Assert.Equal(new TextSpan(5, probe.Span.Length), probe.GetLocation().Span);
        Assert.Equal("stdin", probe.GetLocation().Path);
    }

    [Fact]
    public void FindTokenIncludesTriviaAndEnd()
    {
        var root = SyntaxTree.ParseText(Script).GetRoot();
        Assert.Equal("kprobe", root.FindToken(0).Text);
        Assert.Equal("kprobe", root.FindToken(6).Text);
        int at = Script.IndexOf("count", StringComparison.Ordinal);
        Assert.Equal("count", root.FindToken(at + 2).Text);
        Assert.Equal(SyntaxKind.EndOfFileToken, root.FindToken(Script.Length).Kind);
        Assert.IsType<CallExpressionSyntax>(root.FindToken(at).Parent);
    }

    [Fact]
    public void LiteralValues()
    {
        var root = SyntaxTree.ParseText(
            "BEGIN { $a = 0x10; $b = 017; $c = 2e3; $d = 1_000; $e = 10UL; $f = 10ms; $g = 2m; $h = \"a\\tb\\x41\\101\"; $i = true; }").GetRoot();
        var values = root.DescendantTokens()
            .Where(t => t.Kind is SyntaxKind.IntegerLiteralToken or SyntaxKind.StringLiteralToken or SyntaxKind.TrueKeyword)
            .Select(t => t.Value)
            .ToArray();
        Assert.Equal(new object[] { 16UL, 15UL, 2000UL, 1000UL, 10UL, 10_000_000UL, 120_000_000_000UL, "a\tbAA", true }, values);
        var text = root.DescendantTokens().Single(t => t.Kind == SyntaxKind.StringLiteralToken);
        Assert.Equal("a\tbAA", text.ValueText);
        Assert.Equal("\"a\\tb\\x41\\101\"", text.Text);
    }

    [Fact]
    public void MissingTokensAreZeroWidth()
    {
        var root = SyntaxTree.ParseText("BEGIN { printf(\"x\"").GetRoot();
        var missing = root.DescendantTokens().Where(t => t.IsMissing).Select(t => t.Kind).ToArray();
        Assert.Contains(SyntaxKind.CloseParenToken, missing);
        Assert.True(((ProbeSyntax)root.Members[0]).Body.CloseBraceToken.IsMissing);
    }

    [Fact]
    public void OptionalPartsAreAbsent()
    {
        var root = SyntaxTree.ParseText("BEGIN { exit() }").GetRoot();
        var probe = (ProbeSyntax)root.Members[0];
        Assert.Null(probe.Predicate);
        var statement = (ExpressionStatementSyntax)probe.Body.Statements[0];
        Assert.Equal(SyntaxKind.None, statement.SemicolonToken.Kind);
        Assert.DoesNotContain(root.DescendantTokens(), t => t.IsMissing);
    }

    [Fact]
    public void WalkerVisitsEverything()
    {
        var walker = new CountingWalker();
        walker.Visit(SyntaxTree.ParseText(Script).GetRoot());
        Assert.Equal(1, walker.Maps);
        Assert.Contains("count", walker.Tokens);
        Assert.Contains(SyntaxKind.SingleLineCommentTrivia, walker.Trivia);
    }

    [Fact]
    public void RewriterReplacesNodesAndKeepsTheRest()
    {
        var root = SyntaxTree.ParseText(Script).GetRoot();
        var rewritten = new DropAssignmentsToVariables().Visit(root)!;
        Assert.Equal("// c\nkprobe:vfs_read /pid == 1/ { @x[comm] = count(); }\n", rewritten.ToFullString());
        Assert.Null(rewritten.Parent);
        Assert.Same(root, new SyntaxRewriterIdentity().Visit(root));
    }

    [Fact]
    public void WithChangedTextEqualsFreshParse()
    {
        var tree = SyntaxTree.ParseText(SourceText.From(Script), "a.bt");
        var changed = tree.Text.WithChanges(new TextChange(new TextSpan(Script.IndexOf("1 + 2", StringComparison.Ordinal), 5), "(3"));
        var edited = tree.WithChangedText(changed);
        Assert.Equal("a.bt", edited.FilePath);
        Assert.Equal(changed.ToString(), edited.GetRoot().ToFullString());
        Assert.True(edited.GetRoot().IsEquivalentTo(SyntaxTree.ParseText(changed).GetRoot()));
        Assert.NotEmpty(edited.GetDiagnostics());
        Assert.Equal("a.bt", edited.GetDiagnostics()[0].Location.Path);
    }

    [Fact]
    public void SyntaxFactsKnowProvidersOperatorsAndKeywords()
    {
        Assert.Equal("tracepoint", SyntaxFacts.GetProbeProvider("t")!.Name);
        Assert.Equal("usdt", SyntaxFacts.GetProbeProvider("U")!.Name);
        Assert.Equal("uprobe", SyntaxFacts.GetProbeProvider("u")!.Name);
        Assert.Equal("fentry", SyntaxFacts.GetProbeProvider("kfunc")!.Name);
        Assert.Equal("begin", SyntaxFacts.GetProbeProvider("BEGIN")!.Name);
        Assert.Null(SyntaxFacts.GetProbeProvider("nosuch"));
        Assert.True(SyntaxFacts.GetBinaryOperatorPrecedence(SyntaxKind.AsteriskToken) > SyntaxFacts.GetBinaryOperatorPrecedence(SyntaxKind.PlusToken));
        Assert.True(SyntaxFacts.GetBinaryOperatorPrecedence(SyntaxKind.AmpersandAmpersandToken) > SyntaxFacts.GetBinaryOperatorPrecedence(SyntaxKind.BarBarToken));
        Assert.Equal(SyntaxKind.WhileKeyword, SyntaxFacts.GetKeywordKind("while"));
        Assert.Equal("<<=", SyntaxFacts.GetText(SyntaxKind.LessThanLessThanEqualsToken));
        Assert.Equal(SyntaxKind.PlusToken, SyntaxFacts.GetBinaryOperatorOfCompoundAssignment(SyntaxKind.PlusEqualsToken));
    }

    [Fact]
    public void PrecedenceAndAssociativityFollowC()
    {
        var root = SyntaxTree.ParseText("BEGIN { $a = 1 - 2 - 3 * 4; $b = $c ? 1 : $d ? 2 : 3; }").GetRoot();
        var statements = ((ProbeSyntax)root.Members[0]).Body.Statements;
        var minus = (BinaryExpressionSyntax)((AssignmentStatementSyntax)statements[0]).Value;
        Assert.Equal("1 - 2", minus.Left.ToString());
        Assert.Equal("3 * 4", minus.Right.ToString());
        var conditional = (ConditionalExpressionSyntax)((AssignmentStatementSyntax)statements[1]).Value;
        Assert.Equal("$d ? 2 : 3", conditional.WhenFalse.ToString());
    }

    [Fact]
    public void FactoryAndWithMethodsBuildText()
    {
        var root = SyntaxTree.ParseText("BEGIN { @x = 1; }").GetRoot();
        var probe = (ProbeSyntax)root.Members[0];
        var assignment = (AssignmentStatementSyntax)probe.Body.Statements[0];
        var literal = (LiteralExpressionSyntax)assignment.Value;
        var two = literal.WithToken(SyntaxFactory.Token(SyntaxKind.IntegerLiteralToken, "0x2").WithTrailingTrivia(SyntaxFactory.Whitespace(" ")));
        Assert.Equal(2UL, two.Token.Value);
        var changed = assignment.WithValue(two).WithOperatorToken(
            SyntaxFactory.Token(SyntaxKind.PlusEqualsToken).WithTrailingTrivia(SyntaxFactory.Whitespace(" ")));
        Assert.Equal("@x += 0x2 ;", changed.ToString());
        Assert.Same(assignment, assignment.WithValue(assignment.Value));
        Assert.Equal("+=", SyntaxFactory.Token(SyntaxKind.PlusEqualsToken).Text);
        Assert.True(SyntaxFactory.MissingToken(SyntaxKind.SemicolonToken).IsMissing);
    }

    private sealed class CountingWalker() : SyntaxWalker(SyntaxWalkerDepth.Trivia)
    {
        public int Maps { get; private set; }

        public List<string> Tokens { get; } = new();

        public List<SyntaxKind> Trivia { get; } = new();

        public override void VisitMapExpression(MapExpressionSyntax node)
        {
            Maps++;
            base.VisitMapExpression(node);
        }

        public override void VisitToken(SyntaxToken token)
        {
            Tokens.Add(token.Text);
            base.VisitToken(token);
        }

        public override void VisitTrivia(SyntaxTrivia trivia) => Trivia.Add(trivia.Kind);
    }

    private sealed class DropAssignmentsToVariables : SyntaxRewriter
    {
        public override SyntaxNode? VisitAssignmentStatement(AssignmentStatementSyntax node) =>
            node.Target is VariableExpressionSyntax ? null : base.VisitAssignmentStatement(node);
    }

    private sealed class SyntaxRewriterIdentity : SyntaxRewriter
    {
    }
}
