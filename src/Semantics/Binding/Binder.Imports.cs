using System.Collections.Immutable;
using BtLang.Syntax;

namespace BtLang.Semantics.Binding;

internal sealed partial class Binder
{
    /// <summary>
    /// C definitions and preprocessor lines of imported scripts are not read (the C parser reads the main script's);
    /// an error says so rather than the types going missing later. <see cref="ImportSet"/> resolves the imports themselves.
    /// </summary>
    private void CheckImportedCDefinitions()
    {
        foreach (var tree in _imports.Trees)
        {
            foreach (var member in tree.GetRoot().Members.Where(m => m is PreprocessorDirectiveSyntax or CDefinitionSyntax))
            {
                Report(Diagnostics.Diagnostic.Create(SemanticDiagnostics.ImportNotSupported, Loc(member),
                        "C definitions in an imported script are not supported yet")
                    .WithHint("put them in a header and import it: import \"file.h\";"));
            }
        }
    }

    /// <summary>The headers a script imports, as include files: relative paths are resolved against the script's directory.</summary>
    private static ImmutableArray<string> ImportedHeaders(SyntaxTree tree)
    {
        var headers = ImmutableArray.CreateBuilder<string>();
        string? directory = Path.GetDirectoryName(tree.FilePath);
        foreach (var import in tree.GetRoot().Members.OfType<ImportSyntax>())
        {
            string path = import.Path.ValueText;
            if (!IsHeader(path))
            {
                continue;
            }

            string beside = string.IsNullOrEmpty(directory) ? path : Path.Combine(directory, path);
            headers.Add(!Path.IsPathRooted(path) && File.Exists(beside) ? Path.GetFullPath(beside) : path);
        }

        return headers.ToImmutable();
    }

    private static bool IsHeader(string path) => path.EndsWith(".h", StringComparison.Ordinal);
}
