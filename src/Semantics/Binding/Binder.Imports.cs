using System.Collections.Immutable;
using BtLang.Syntax;

namespace BtLang.Semantics.Binding;

internal sealed partial class Binder
{
    /// <summary>
    /// bpftrace 0.26 imports C headers (<c>import "x.h"</c>, read like <c>--include</c>), other bpftrace scripts,
    /// BPF C sources and directories of them. BtLang reads headers; the other kinds are errors (BT1052) that say so,
    /// rather than being ignored.
    /// </summary>
    private void CheckImports(CompilationUnitSyntax root)
    {
        foreach (var import in root.Members.OfType<ImportSyntax>())
        {
            string path = import.Path.ValueText;
            if (path.Length == 0 || IsHeader(path))
            {
                continue; // a missing path was reported by the parser; headers are read with the C definitions
            }

            string what = path.EndsWith(".bt", StringComparison.Ordinal)
                ? $"import \"{path}\": importing bpftrace scripts is not supported yet; copy its macros, maps and probes into this script"
                : path.EndsWith(".c", StringComparison.Ordinal)
                    ? $"import \"{path}\": BPF C sources cannot be imported; BtLang compiles only bpftrace scripts"
                    : $"import \"{path}\": importing a directory is not supported yet; import its .h files one by one";
            Report(Diagnostics.Diagnostic.Create(SemanticDiagnostics.ImportNotSupported, Loc(import), what)
                .WithHint("C headers can be imported: import \"file.h\";"));
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
