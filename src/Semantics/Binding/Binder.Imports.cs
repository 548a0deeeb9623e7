using System.Collections.Immutable;
using BtLang.Syntax;

namespace BtLang.Semantics.Binding;

internal sealed partial class Binder
{
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
