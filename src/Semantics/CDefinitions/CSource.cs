using System.Collections.Immutable;
using BtLang.Diagnostics;
using BtLang.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace BtLang.Semantics.CDefinitions;

/// <summary>
/// The C text handed to clang, line by line, with the script (main or imported) and line each generated line came from.
/// Each member keeps its script columns (its first line is indented as in the script), so clang's line and column
/// map straight back to the script.
/// </summary>
internal sealed class CSource
{
    private readonly List<string> _lines = [];
    private readonly List<int> _scriptLines = []; // -1: a generated line (an --include)
    private readonly List<SyntaxTree?> _scriptTrees = [];

    private CSource()
    {
    }

    public string Text => string.Join('\n', _lines) + "\n";

    public static CSource Build(CompilationUnitSyntax root, IReadOnlyList<MemberSyntax> members, ImmutableArray<string> includeFiles) =>
        Build([(root, members)], includeFiles);

    /// <summary>The C parts of several scripts (the main one, then the ones it imports), in that order.</summary>
    public static CSource Build(IReadOnlyList<(CompilationUnitSyntax Root, IReadOnlyList<MemberSyntax> Members)> scripts, ImmutableArray<string> includeFiles)
    {
        var source = new CSource();
        foreach (string file in includeFiles)
        {
            source.Add("#include \"" + Path.GetFullPath(file).Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"", -1, null);
        }

        foreach (var (root, members) in scripts)
        {
            var text = root.SyntaxTree?.Text ?? SourceText.From(root.ToFullString());
            foreach (var member in members)
            {
                var span = member.Span;
                var start = text.Lines.GetLinePosition(span.Start);
                string memberText = new string(' ', start.Character) + text.ToString(span);
                string[] lines = memberText.Split('\n');
                for (int i = 0; i < lines.Length; i++)
                {
                    source.Add(lines[i].TrimEnd('\r'), start.Line + i, root.SyntaxTree);
                }
            }
        }

        return source;
    }

    /// <summary>The generated line with this 1-based number.</summary>
    public bool TryGetLine(int line, out string text)
    {
        bool ok = line >= 1 && line <= _lines.Count;
        text = ok ? _lines[line - 1] : string.Empty;
        return ok;
    }

    /// <summary>Puts a generated line (a definition the C text needs) before all others.</summary>
    public void Prepend(string line)
    {
        _lines.Insert(0, line);
        _scriptLines.Insert(0, -1);
        _scriptTrees.Insert(0, null);
    }

    /// <summary>Empties a generated line (a system include that does not exist), keeping the line numbering.</summary>
    public void BlankLine(int line) => _lines[line - 1] = string.Empty;

    /// <summary>Where a 1-based generated line and column are in its script: to the end of that script line; null for generated lines.</summary>
    public Location? ScriptLocation(int line, int column)
    {
        if (line < 1 || line > _lines.Count || _scriptLines[line - 1] < 0 || _scriptTrees[line - 1] is not { } tree)
        {
            return null;
        }

        var scriptLine = tree.Text.Lines[_scriptLines[line - 1]];
        string lineText = tree.Text.ToString(scriptLine.Span);
        int end = scriptLine.Start + lineText.TrimEnd().Length;
        int start = Math.Min(scriptLine.Start + Math.Max(0, column - 1), end);
        if (start == end)
        {
            start = scriptLine.Start + (lineText.Length - lineText.TrimStart().Length);
        }

        return tree.GetLocation(TextSpan.FromBounds(Math.Min(start, end), end));
    }

    private void Add(string line, int scriptLine, SyntaxTree? tree)
    {
        _lines.Add(line);
        _scriptLines.Add(scriptLine);
        _scriptTrees.Add(tree);
    }
}
