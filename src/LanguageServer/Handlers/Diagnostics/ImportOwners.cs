using BtLang.Semantics;
using BtLang.Syntax;

namespace BtLang.LanguageServer.Handlers.Diagnostics;

/// <summary>
/// Which <c>import</c> statement of the main script brings in each imported file (directly, through a directory or
/// through the imports of an imported script), looked up on disk as the compiler does: beside the importing file,
/// then beside the main script. A file reached by several imports belongs to the first, as the compiler reads it once.
/// </summary>
internal sealed class ImportOwners
{
    private readonly Dictionary<string, ImportSyntax> _owners = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SyntaxTree> _trees = new(StringComparer.Ordinal);
    private readonly string _mainDirectory;

    private ImportOwners(Compilation compilation)
    {
        _mainDirectory = Path.GetDirectoryName(compilation.SyntaxTree.FilePath) ?? string.Empty;
        foreach (var tree in compilation.SyntaxTrees.Skip(1))
        {
            if (FullPath(tree.FilePath) is { } path)
                _trees.TryAdd(path, tree);
        }
    }

    /// <summary>The owners of the files a compilation imports.</summary>
    public static ImportOwners Create(Compilation compilation)
    {
        var owners = new ImportOwners(compilation);
        foreach (var import in compilation.SyntaxTree.GetRoot().Members.OfType<ImportSyntax>())
            owners.Claim(import, import.Path.ValueText, owners._mainDirectory);
        return owners;
    }

    /// <summary>The main script's import statement that brings in <paramref name="path"/>, or null.</summary>
    public ImportSyntax? OwnerOf(string path)
        => FullPath(path) is { } full && _owners.TryGetValue(full, out var import) ? import : null;

    /// <summary>The full path of a file name, or null if it is not a valid path.</summary>
    public static string? FullPath(string path)
    {
        try
        {
            return path.Length == 0 ? null : Path.GetFullPath(path);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return null;
        }
    }

    private void Claim(ImportSyntax owner, string name, string directory)
    {
        if (name.Length == 0)
            return;
        string[] candidates = Path.IsPathRooted(name) ? [name] : [Path.Combine(directory, name), Path.Combine(_mainDirectory, name)];
        foreach (string candidate in candidates)
        {
            if (Directory.Exists(candidate))
            {
                foreach (string entry in Directory.GetFiles(candidate).Order(StringComparer.Ordinal))
                    ClaimFile(owner, entry);
                return;
            }
            if (File.Exists(candidate))
            {
                ClaimFile(owner, candidate);
                return;
            }
        }
    }

    private void ClaimFile(ImportSyntax owner, string path)
    {
        if (FullPath(path) is not { } full || !_owners.TryAdd(full, owner))
            return;
        if (!_trees.TryGetValue(full, out var tree))
            return;
        string directory = Path.GetDirectoryName(tree.FilePath) ?? string.Empty;
        foreach (var import in tree.GetRoot().Members.OfType<ImportSyntax>())
            Claim(owner, import.Path.ValueText, directory);
    }
}
