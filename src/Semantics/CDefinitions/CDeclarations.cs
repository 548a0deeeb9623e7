using System.Collections.Immutable;
using System.Text;
using System.Text.RegularExpressions;
using BtLang.Diagnostics;
using BtLang.Semantics.CDefinitions.Interop;
using BtLang.Semantics.Types;
using BtLang.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace BtLang.Semantics.CDefinitions;

/// <summary>
/// The C declarations a script brings with it: its <c>#include</c>/<c>#define</c> lines and struct/union/enum/typedef
/// definitions (in source order) plus <c>--include</c> files, parsed by libclang as one translation unit. Structs
/// carry clang's layout. Immutable once parsed; libclang is loaded only when there is C text to parse.
/// </summary>
public sealed partial class CDeclarations
{
    private const string ConstantPrefix = "__btlang_const_";

    /// <summary>The one field of a stand-in for a kernel struct that the script embeds by value (see <see cref="AddBtfStandIns"/>).</summary>
    internal const string BtfStandInField = "__btlang_btf_stand_in";

    private static readonly Regex IncompleteType = IncompleteTypeRegex();

    private static readonly Regex AngleInclude = AngleIncludeRegex();
    private static readonly Regex FileNotFound = FileNotFoundRegex();

    [ThreadStatic]
    private static int t_nativeParses;

    private readonly ImmutableDictionary<string, StructType> _structs;
    private readonly ImmutableDictionary<string, StructType> _unions;
    private readonly ImmutableDictionary<string, EnumType> _enums;
    private readonly ImmutableDictionary<string, (long Value, EnumType Type)> _enumConstants;
    private readonly ImmutableDictionary<string, BtType> _typedefs;
    private readonly ImmutableDictionary<string, long> _constants;

    private CDeclarations(
        ImmutableDictionary<string, StructType> structs,
        ImmutableDictionary<string, StructType> unions,
        ImmutableDictionary<string, EnumType> enums,
        ImmutableDictionary<string, (long Value, EnumType Type)> enumConstants,
        ImmutableDictionary<string, BtType> typedefs,
        ImmutableDictionary<string, long> constants)
    {
        _structs = structs;
        _unions = unions;
        _enums = enums;
        _enumConstants = enumConstants;
        _typedefs = typedefs;
        _constants = constants;
    }

    /// <summary>No C declarations at all.</summary>
    public static CDeclarations Empty { get; } = new(
        ImmutableDictionary<string, StructType>.Empty,
        ImmutableDictionary<string, StructType>.Empty,
        ImmutableDictionary<string, EnumType>.Empty,
        ImmutableDictionary<string, (long Value, EnumType Type)>.Empty,
        ImmutableDictionary<string, BtType>.Empty,
        ImmutableDictionary<string, long>.Empty);

    /// <summary>How many times this thread called into libclang to parse (tests check that scripts without C never do).</summary>
    internal static int NativeParsesOnThisThread => t_nativeParses;

    /// <summary>True when the script has C text to parse (directives or definitions); Parse is free otherwise.</summary>
    public static bool HasCParts(CompilationUnitSyntax root) =>
        root.Members.Any(m => m is PreprocessorDirectiveSyntax or CDefinitionSyntax);

    /// <summary>
    /// Parses the script's C parts and <paramref name="includeFiles"/> (<c>--include</c>) with <paramref name="includeDirectories"/>
    /// (<c>-I</c>). A missing system include (<c>&lt;x.h&gt;</c>) is skipped when the kernel has BTF (its types come from BTF).
    /// </summary>
    public static CDeclarations Parse(
        CompilationUnitSyntax root,
        ImmutableArray<string> includeDirectories,
        ImmutableArray<string> includeFiles,
        out ImmutableArray<Diagnostic> diagnostics) =>
        Parse(root, includeDirectories, includeFiles, File.Exists("/sys/kernel/btf/vmlinux"), externalStructs: null, out diagnostics);

    /// <summary>
    /// As <see cref="Parse(CompilationUnitSyntax, ImmutableArray{string}, ImmutableArray{string}, out ImmutableArray{Diagnostic})"/>,
    /// saying whether kernel BTF is available, and resolving structs the C text only declares (a member
    /// <c>struct task_struct *t;</c> without the kernel header) through <paramref name="externalStructs"/> (name, isUnion), e.g. BTF.
    /// </summary>
    public static CDeclarations Parse(
        CompilationUnitSyntax root,
        ImmutableArray<string> includeDirectories,
        ImmutableArray<string> includeFiles,
        bool kernelBtfAvailable,
        Func<string, bool, StructType?>? externalStructs,
        out ImmutableArray<Diagnostic> diagnostics) =>
        Parse([root], includeDirectories, includeFiles, kernelBtfAvailable, externalStructs, out diagnostics);

    /// <summary>
    /// As above for a script and the scripts it imports (<paramref name="roots"/>, the main script first): their C parts
    /// are one translation unit, in that order, as bpftrace appends the C definitions of imported scripts to the main
    /// script's. Errors are located in the script each line came from.
    /// </summary>
    public static CDeclarations Parse(
        IReadOnlyList<CompilationUnitSyntax> roots,
        ImmutableArray<string> includeDirectories,
        ImmutableArray<string> includeFiles,
        bool kernelBtfAvailable,
        Func<string, bool, StructType?>? externalStructs,
        out ImmutableArray<Diagnostic> diagnostics)
    {
        includeDirectories = includeDirectories.IsDefault ? ImmutableArray<string>.Empty : includeDirectories;
        includeFiles = includeFiles.IsDefault ? ImmutableArray<string>.Empty : includeFiles;
        var scripts = roots
            .Select(r => (Root: r, Members: (IReadOnlyList<MemberSyntax>)r.Members.Where(m => m is PreprocessorDirectiveSyntax or CDefinitionSyntax).ToList()))
            .ToList();
        var members = scripts.SelectMany(s => s.Members).ToList();
        if (members.Count == 0 && includeFiles.IsEmpty)
        {
            diagnostics = ImmutableArray<Diagnostic>.Empty;
            return Empty;
        }

        var source = CSource.Build(scripts, includeFiles);
        Location LocationOf(SyntaxNode? node) => node?.GetLocation() ?? Location.None;
        var firstMember = members.Count > 0 ? members[0] : null;

        if (!LibClang.TryLoad(out string loadError))
        {
            diagnostics = [Diagnostic.Create(CDefinitionDiagnostics.LibClangMissing, LocationOf(firstMember), loadError)];
            return Empty;
        }

        var arguments = new List<string> { "-x", "c", "-std=gnu11", "-ferror-limit=0", "-fno-color-diagnostics" };
        if (kernelBtfAvailable)
        {
            arguments.Add("-DBPFTRACE_HAVE_BTF");
        }

        foreach (var tree in roots.Select(r => r.SyntaxTree))
        {
            if (tree is not null && File.Exists(tree.FilePath) && Path.GetDirectoryName(Path.GetFullPath(tree.FilePath)) is { } scriptDirectory
                && !arguments.Contains(scriptDirectory))
            {
                arguments.Add("-iquote");
                arguments.Add(scriptDirectory);
            }
        }

        foreach (string directory in includeDirectories)
        {
            arguments.Add("-I");
            arguments.Add(Path.GetFullPath(directory));
        }

        var result = ImmutableArray.CreateBuilder<Diagnostic>();
        var reader = new ClangTypeReader(externalStructs);
        var macroNames = new List<string>();
        var standIns = new HashSet<string>(StringComparer.Ordinal);

        // Parse; a missing system header is dropped and the text parsed again (bounded by the number of includes).
        for (int attempt = 0; ; attempt++)
        {
            t_nativeParses++;
            using var unit = ClangTranslationUnit.Parse(source.Text, arguments, detailedPreprocessingRecord: true, out int errorCode);
            if (unit is null)
            {
                diagnostics = [Diagnostic.Create(CDefinitionDiagnostics.ClangFailure, LocationOf(firstMember), errorCode)];
                return Empty;
            }

            // A missing header is a fatal error for clang, which then stops reading: report it (bpftrace fails on it
            // too), blank the line and parse again so that the definitions after it are still read.
            var errors = unit.GetErrors();
            if (attempt < 64 && BlankMissingIncludes(source, errors, kernelBtfAvailable, result))
            {
                continue;
            }

            if (attempt < 64 && externalStructs is not null && AddBtfStandIns(source, errors, externalStructs, standIns))
            {
                continue;
            }

            foreach (var error in errors)
            {
                result.Add(ToDiagnostic(error, source, members));
            }

            foreach (var cursor in unit.TopLevelCursors())
            {
                if (cursor.Kind == CXCursorKind.MacroDefinition)
                {
                    if (LibClang.clang_Cursor_isMacroBuiltin(cursor) == 0 && LibClang.clang_Cursor_isMacroFunctionLike(cursor) == 0
                        && ClangTranslationUnit.CursorLocation(cursor).File.Length > 0)
                    {
                        macroNames.Add(LibClang.ToStringAndDispose(LibClang.clang_getCursorSpelling(cursor)));
                    }
                }
                else
                {
                    reader.Read(cursor);
                }
            }

            break;
        }

        var constants = macroNames.Count > 0 ? EvaluateConstants(source.Text, arguments, macroNames) : ImmutableDictionary<string, long>.Empty;
        diagnostics = result.Distinct().ToImmutableArray();
        return new CDeclarations(
            reader.Structs.ToImmutableDictionary(),
            reader.Unions.ToImmutableDictionary(),
            reader.Enums.ToImmutableDictionary(),
            reader.EnumConstants.ToImmutableDictionary(),
            reader.Typedefs.ToImmutableDictionary(),
            constants);
    }

    /// <summary>A struct (or union) the C text defines, with clang's layout; null when it defines none by that name.</summary>
    public StructType? FindStruct(string name, bool isUnion) =>
        (isUnion ? _unions : _structs).TryGetValue(name, out var type) ? type : null;

    /// <summary>An enum the C text defines, or null.</summary>
    public EnumType? FindEnum(string name) => _enums.TryGetValue(name, out var type) ? type : null;

    /// <summary>A typedef the C text defines (e.g. <c>typedef unsigned int my_u32;</c>), resolved to its type; or null.</summary>
    public BtType? FindTypedef(string name) => _typedefs.TryGetValue(name, out var type) ? type : null;

    /// <summary>An enumerator of any enum the C text defines (named or anonymous), with its value and enum type.</summary>
    public bool TryGetEnumConstant(string name, out long value, out EnumType type)
    {
        if (_enumConstants.TryGetValue(name, out var entry))
        {
            (value, type) = entry;
            return true;
        }

        value = 0;
        type = null!;
        return false;
    }

    /// <summary>An object-like <c>#define NAME expr</c> (from the script or its headers) whose expansion is an integer constant expression.</summary>
    public bool TryGetConstant(string name, out long value) => _constants.TryGetValue(name, out value);

    private static bool BlankMissingIncludes(CSource source, ImmutableArray<ClangDiagnostic> errors, bool kernelBtfAvailable, ImmutableArray<Diagnostic>.Builder result)
    {
        bool blanked = false;
        foreach (var error in errors)
        {
            var missing = FileNotFound.Match(error.Message);
            if (error.File == ClangTranslationUnit.MainFileName && missing.Success && source.TryGetLine(error.Line, out string line))
            {
                var diagnostic = Diagnostic.Create(CDefinitionDiagnostics.IncludeNotFound, source.ScriptLocation(error.Line, error.Column) ?? Location.None, missing.Groups[1].Value);
                if (kernelBtfAvailable && AngleInclude.IsMatch(line))
                {
                    diagnostic = diagnostic.WithHint(
                        "this kernel's types come from BTF, so the #include can go (or sit under #ifndef BPFTRACE_HAVE_BTF, as in bpftrace's tools); " +
                        "kernel-internal headers need the kernel's headers installed and -I");
                }

                result.Add(diagnostic);
                source.BlankLine(error.Line);
                blanked = true;
            }
        }

        return blanked;
    }

    /// <summary>
    /// A struct the script embeds by value but does not define (runqlen.bt's <c>struct load_weight load;</c> inside its
    /// own <c>struct cfs_rq</c>) comes from the kernel, as bpftrace fills such types in from BTF: clang gets a stand-in
    /// of the kernel struct's size and alignment to lay the script's struct out, and the type reader hands out the
    /// kernel's struct for it. True when stand-ins were added (parse again).
    /// </summary>
    private static bool AddBtfStandIns(CSource source, ImmutableArray<ClangDiagnostic> errors, Func<string, bool, StructType?> externalStructs, HashSet<string> standIns)
    {
        bool added = false;
        foreach (var error in errors)
        {
            var match = IncompleteType.Match(error.Message);
            if (error.File != ClangTranslationUnit.MainFileName || !match.Success)
            {
                continue;
            }

            string keyword = match.Groups[1].Value;
            string name = match.Groups[2].Value;
            bool isUnion = keyword == "union";
            if (standIns.Contains(keyword + " " + name) || Regex.IsMatch(source.Text, $@"\b{keyword}\s+{Regex.Escape(name)}\s*\{{")
                || externalStructs(name, isUnion) is not { Size: > 0 } kernel)
            {
                continue;
            }

            source.Prepend($"{keyword} {name} {{ unsigned char {BtfStandInField}[{kernel.Size}]; }} __attribute__((aligned({NaturalAlignment(kernel, 0)})));");
            standIns.Add(keyword + " " + name);
            added = true;
        }

        return added;
    }

    /// <summary>The C alignment of a kernel type: its widest member's; 1 for a struct whose size says it is packed.</summary>
    private static int NaturalAlignment(BtType type, int depth)
    {
        switch (type)
        {
            case StructType s when depth < 16:
                int alignment = 1;
                foreach (var member in s.Members)
                {
                    alignment = Math.Max(alignment, NaturalAlignment(member.Type, depth + 1));
                }

                return s.Size % alignment == 0 ? alignment : 1;
            case ArrayType a:
                return NaturalAlignment(a.Element, depth + 1);
            case PointerType:
                return 8;
            case IntegerType or EnumType:
                return Math.Clamp(type.Size, 1, 8);
            default:
                return Math.Clamp(type.Alignment, 1, 8);
        }
    }

    private static ImmutableDictionary<string, long> EvaluateConstants(string text, List<string> arguments, List<string> macroNames)
    {
        var program = new StringBuilder(text);
        program.Append('\n');
        foreach (string name in macroNames.Distinct())
        {
            program.Append("static const long long ").Append(ConstantPrefix).Append(name).Append(" = (long long)(").Append(name).Append(");\n");
        }

        t_nativeParses++;
        using var unit = ClangTranslationUnit.Parse(program.ToString(), arguments, detailedPreprocessingRecord: false, out _);
        if (unit is null)
        {
            return ImmutableDictionary<string, long>.Empty;
        }

        var constants = ImmutableDictionary.CreateBuilder<string, long>(StringComparer.Ordinal);
        foreach (var cursor in unit.TopLevelCursors())
        {
            if (cursor.Kind != CXCursorKind.VarDecl)
            {
                continue;
            }

            string name = LibClang.ToStringAndDispose(LibClang.clang_getCursorSpelling(cursor));
            if (!name.StartsWith(ConstantPrefix, StringComparison.Ordinal))
            {
                continue;
            }

            IntPtr evaluation = LibClang.clang_Cursor_Evaluate(cursor);
            if (evaluation == IntPtr.Zero)
            {
                continue;
            }

            try
            {
                if (LibClang.clang_EvalResult_getKind(evaluation) == LibClang.CXEval_Int)
                {
                    constants[name[ConstantPrefix.Length..]] = LibClang.clang_EvalResult_getAsLongLong(evaluation);
                }
            }
            finally
            {
                LibClang.clang_EvalResult_dispose(evaluation);
            }
        }

        return constants.ToImmutable();
    }

    private static Diagnostic ToDiagnostic(ClangDiagnostic error, CSource source, List<MemberSyntax> members)
    {
        var missing = FileNotFound.Match(error.Message);
        if (error.File == ClangTranslationUnit.MainFileName)
        {
            var location = source.ScriptLocation(error.Line, error.Column) ?? Location.None;
            return missing.Success
                ? Diagnostic.Create(CDefinitionDiagnostics.IncludeNotFound, location, missing.Groups[1].Value)
                : Diagnostic.Create(CDefinitionDiagnostics.CError, location, error.Message);
        }

        // In a header: point at the #include line that names it, else at the first directive.
        string fileName = Path.GetFileName(error.File);
        var include = members.OfType<PreprocessorDirectiveSyntax>().FirstOrDefault(d => fileName.Length > 0 && d.DirectiveToken.Text.Contains(fileName, StringComparison.Ordinal))
            ?? members.OfType<PreprocessorDirectiveSyntax>().FirstOrDefault();
        var headerLocation = include?.GetLocation() ?? Location.None;
        return missing.Success
            ? Diagnostic.Create(CDefinitionDiagnostics.IncludeNotFound, headerLocation, missing.Groups[1].Value)
            : Diagnostic.Create(CDefinitionDiagnostics.ErrorInHeader, headerLocation, error.File, error.Line, error.Column, error.Message);
    }

    [GeneratedRegex(@"^\s*#\s*include\s*<")]
    private static partial Regex AngleIncludeRegex();

    [GeneratedRegex(@"^'(.+)' file not found$")]
    private static partial Regex FileNotFoundRegex();

    [GeneratedRegex(@"^(?:field|array) has incomplete (?:element )?type '(struct|union) ([A-Za-z_][A-Za-z0-9_]*)'$")]
    private static partial Regex IncompleteTypeRegex();
}
