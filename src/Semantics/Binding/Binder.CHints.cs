using System.Text.RegularExpressions;
using BtLang.Semantics.Types;
using BtLang.Syntax;

namespace BtLang.Semantics.Binding;

/// <summary>
/// Hints for names an old script expects from C headers or its own C definitions, which on a BTF kernel without kernel
/// headers are not there: a macro of a kernel-internal header (runqlat.bt's TASK_RUNNING from &lt;linux/sched.h&gt;),
/// a struct definition the preprocessor leaves out because BPFTRACE_HAVE_BTF is defined (runqlen.bt's struct cfs_rq).
/// </summary>
internal sealed partial class Binder
{
    private static readonly Regex IncludeLine = IncludeLineRegex();
    private static readonly Regex MacroLikeName = MacroLikeNameRegex();

    /// <summary>
    /// For an unknown upper-case name in a script with <c>#include</c> lines: which file each include is on this
    /// machine, and that a kernel-internal macro needs the kernel's own headers. Null when the hint does not apply.
    /// </summary>
    private string? MissingMacroHint(string name)
    {
        if (!MacroLikeName.IsMatch(name))
        {
            return null;
        }

        var includes = AllRoots()
            .SelectMany(r => r.Members.OfType<PreprocessorDirectiveSyntax>())
            .Select(d => IncludeLine.Match(d.DirectiveToken.Text))
            .Where(m => m.Success)
            .Select(m => m.Groups[1].Value)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (includes.Count == 0)
        {
            return null;
        }

        var described = includes.Select(header => ResolveSystemHeader(header) is { } path
            ? $"<{header}> is {path}" + (path.StartsWith("/usr/include/", StringComparison.Ordinal) ? ", a userspace API header" : string.Empty)
            : $"<{header}> was not found");
        string kernelHeaders = KernelHeadersDirectory(out string expected) is { } directory
            ? $"this kernel's headers are in {directory}: add -I {directory}"
            : $"no headers are installed for this kernel ({expected})";
        return $"{name} is not defined by the script or its includes ({string.Join("; ", described)}); " +
            $"it is probably a macro of a kernel-internal header, which needs the kernel's own headers, and {kernelHeaders}; " +
            $"or define it in the script: #define {name} <value>";
    }

    /// <summary>
    /// For a missing field of a kernel (BTF) struct that the script also defines, in a part the preprocessor leaves
    /// out: says so, since the script's definition is not the one used. Null otherwise.
    /// </summary>
    private string? InactiveScriptStructHint(StructType type)
    {
        if (type.Kind == TypeKind.Context || _c.FindStruct(type.Name, type.IsUnion) is not null)
        {
            return null;
        }

        string keyword = type.IsUnion ? "union" : "struct";
        var definition = new Regex($@"\b{keyword}\s+{Regex.Escape(type.Name)}\s*\{{");
        bool definedInScript = AllRoots().SelectMany(r => r.Members.OfType<CDefinitionSyntax>()).Any(d => definition.IsMatch(d.ToString()));
        return definedInScript
            ? $"the script's own {keyword} {type.Name} is not used: the preprocessor leaves it out (BPFTRACE_HAVE_BTF is defined, as this kernel has BTF), " +
              $"so {keyword} {type.Name} is the kernel's, whose fields can differ between kernel versions (`btlang -lv '{keyword} {type.Name}'` lists them)"
            : null;
    }

    private IEnumerable<CompilationUnitSyntax> AllRoots() => _imports.Trees.Select(t => t.GetRoot()).Prepend(_tree.GetRoot());

    /// <summary>Where the C parser finds <c>&lt;header&gt;</c>: the -I directories, then the system include directories.</summary>
    private string? ResolveSystemHeader(string header)
    {
        var directories = _options.IncludeDirectories
            .Concat(["/usr/local/include", $"/usr/include/{System.Runtime.InteropServices.RuntimeInformation.OSArchitecture switch { System.Runtime.InteropServices.Architecture.Arm64 => "aarch64", _ => "x86_64" }}-linux-gnu", "/usr/include"]);
        return directories.Select(d => Path.Combine(d, header)).FirstOrDefault(File.Exists);
    }

    private static string? KernelHeadersDirectory(out string expected)
    {
        string release;
        try
        {
            release = File.ReadAllText("/proc/sys/kernel/osrelease").Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            release = "$(uname -r)";
        }

        expected = $"/lib/modules/{release}/build/include";
        return Directory.Exists(expected) ? expected : null;
    }

    [GeneratedRegex(@"^\s*#\s*include\s*<([^>]+)>")]
    private static partial Regex IncludeLineRegex();

    [GeneratedRegex(@"^[A-Z][A-Z0-9_]*$")]
    private static partial Regex MacroLikeNameRegex();
}
