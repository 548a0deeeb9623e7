using System.Diagnostics;
using BtLang.Diagnostics;
using BtLang.Driver.Attach;
using BtLang.Driver.Cli;
using BtLang.Driver.LibBpf;
using BtLang.Driver.Output;
using BtLang.Emit;
using BtLang.Emit.Metadata;
using BtLang.Semantics;
using BtLang.Semantics.Configuration;
using BtLang.Semantics.ProbeCatalog;
using BtLang.Semantics.ProbeCatalog.Listing;
using BtLang.Syntax;

namespace BtLang.Driver.Runtime;

/// <summary>The real implementation of every <c>btlang</c> mode: compile, run, list, info, language server.</summary>
internal sealed class DriverHost : IDriverHost
{
    private readonly TextWriter _errors;

    public DriverHost(TextWriter errors) => _errors = errors;

    public int RunProgram(DriverOptions options)
    {
        var emitted = CompileProgram(options, out var settings);
        if (emitted is null)
        {
            return 1;
        }

        if (options.EmitElfPath is { } elf)
        {
            // bpftrace's --emit-elf: write the object and stop (a dry run).
            return WriteFile(elf, emitted.ObjectFile!);
        }

        return Trace(options, settings!, emitted.ObjectFile!, emitted.Metadata!);
    }

    public int Compile(DriverOptions options)
    {
        var emitted = CompileProgram(options, out _);
        if (emitted is null)
        {
            return 1;
        }

        string output = options.ObjectOutputPath ?? Path.ChangeExtension(options.Program?.FilePath ?? "a.bt", ".o");
        return WriteFile(output, emitted.ObjectFile!);
    }

    private int WriteFile(string path, byte[] bytes)
    {
        try
        {
            using var stream = OutputFile.CreateStream(path);
            stream.Write(bytes);
            return 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _errors.WriteLine($"ERROR: cannot write '{path}': {e.Message}");
            return 1;
        }
    }

    public int RunObject(DriverOptions options)
    {
        string path = options.ObjectPath ?? string.Empty;
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _errors.WriteLine($"ERROR: cannot read object '{path}': {e.Message}");
            return 1;
        }

        if (!MetadataSerializer.TryReadFromObject(bytes, out var metadata, out string? error))
        {
            _errors.WriteLine($"ERROR: '{path}': {error}");
            return 1;
        }

        return Trace(options, options.Config, bytes, metadata!);
    }

    public int ListProbes(DriverOptions options)
    {
        var lister = new ProbeLister(SystemProbeCatalog.Shared);
        string? pattern = options.ListPattern;
        if (pattern is null && options.Program is { } program)
        {
            // `-l -e PROGRAM` lists the attach points of the program (bpftrace 0.21).
            var tree = SyntaxTree.ParseText(program.Text, program.Name);
            foreach (var line in tree.GetRoot().DescendantNodes().OfType<AttachPointSyntax>()
                         .SelectMany(a => lister.ListLines(string.Concat(a.Tokens.Select(t => t.Text)), options.Verbose)))
            {
                Console.Out.WriteLine(line);
            }

            return 0;
        }

        using var output = new StreamWriter(Console.OpenStandardOutput(), bufferSize: 1 << 16);
        foreach (var line in lister.ListLines(pattern, options.Verbose))
        {
            output.WriteLine(line);
        }

        return 0;
    }

    public int PrintInfo(DriverOptions options)
    {
        if (Driver.LibBpf.LibBpfAvailability.Check() is { } missing)
        {
            _errors.Write(DiagnosticFormatter.Format(missing));
            return 1;
        }

        Console.Out.Write(KernelFeaturesFormatter.Format(KernelFeatures.Current, BuildInfo.Version, "19", "1.1"));
        return 0;
    }

    public int RunLanguageServer(DriverOptions options)
    {
        if (FindLanguageServer() is not { } server)
        {
            _errors.WriteLine("ERROR: the language server btlang-lsp was not found next to btlang, in the build tree or on PATH; build src/LanguageServer (scripts/setup.sh does)");
            return 1;
        }

        var start = new ProcessStartInfo(server) { UseShellExecute = false };
        foreach (var argument in options.LanguageServerArguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        process.WaitForExit();
        return process.ExitCode;
    }

    /// <summary>btlang-lsp next to btlang (installed or packaged), else in the build tree beside it, else on PATH.</summary>
    private static string? FindLanguageServer()
    {
        string baseDirectory = AppContext.BaseDirectory;
        var candidates = new List<string> { Path.Combine(baseDirectory, "btlang-lsp") };
        // src/Driver/bin/<Configuration>/net10.0/ -> src/LanguageServer/bin/<Configuration>/net10.0/
        var framework = new DirectoryInfo(baseDirectory.TrimEnd('/'));
        if (framework.Parent is { } configuration && configuration.Parent?.Parent?.Parent is { } src)
        {
            candidates.Add(Path.Combine(src.FullName, "LanguageServer", "bin", configuration.Name, framework.Name, "btlang-lsp"));
        }

        candidates.AddRange((Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, "btlang-lsp")));
        return candidates.FirstOrDefault(File.Exists);
    }

    /// <summary>
    /// Parses, binds and emits; prints diagnostics and the -d stages; null when there were errors. <paramref name="settings"/>
    /// gets the effective configuration (the environment's, with the script's config block applied).
    /// </summary>
    private EmitResult? CompileProgram(DriverOptions options, out ConfigSettings? settings)
    {
        settings = null;
        if (options.Program is not { } program)
        {
            _errors.WriteLine("ERROR: no program given (use -e 'PROGRAM' or a script file)");
            return null;
        }

        var tree = SyntaxTree.ParseText(program.Text, program.Name);
        if (ProbeTooLarge(tree) is { } tooLarge)
        {
            _errors.Write(DiagnosticFormatter.Format(tooLarge));
            return null;
        }

        if (options.Debug.HasFlag(DebugStages.Ast))
        {
            _errors.WriteLine("AST");
            _errors.WriteLine("-------------------");
            _errors.WriteLine(AstPrinter.Print(tree.GetRoot()));
        }

        var compilationOptions = new CompilationOptions
        {
            PositionalParameters = options.PositionalParameters,
            NamedParameters = options.NamedParameters,
            AllowUnsafe = options.Unsafe,
            Config = options.Config,
            HasChildProcess = options.Command is not null,
            Catalog = SystemProbeCatalog.Shared,
            IncludeDirectories = options.IncludeDirectories,
            IncludeFiles = options.IncludeFiles,
        };
        var compilation = Compilation.Create(tree, compilationOptions);
        settings = compilation.Settings.Config;
        if (options.Debug.HasFlag(DebugStages.Types) && !compilation.GetDiagnostics().Any(d => d.IsError))
        {
            _errors.WriteLine("Maps");
            _errors.WriteLine("-------------------");
            foreach (var map in compilation.Maps)
            {
                _errors.WriteLine(map.ToDisplayString());
            }
        }

        var symbolizer = new Lazy<Symbols.Symbolizer>(() => new Symbols.Symbolizer());
        var emitOptions = new EmitOptions
        {
            KeepIr = options.Debug.HasFlag(DebugStages.Codegen) || options.Debug.HasFlag(DebugStages.CodegenOpt) || options.EmitLlvmPath is not null,
            ResolveKernelSymbol = name => symbolizer.Value.ResolveKernelAddress(name),
            ResolveUserSymbol = (binary, name) => symbolizer.Value.ResolveUserAddress(SystemProbeCatalog.Shared.ResolveBinary(binary) ?? binary, name),
            ResolveCgroupId = CgroupId,
            // Objects that outlive this run (btlang compile, --emit-elf) keep the -p check so `btlang run x.o -p PID`
            // works; a script compiled to run now without -p does not need it.
            PidFilter = options.Mode != DriverMode.RunProgram || options.Pid is not null || options.EmitElfPath is not null,
        };
        var result = BpfEmitter.Emit(compilation, emitOptions);
        foreach (var diagnostic in WithoutKernelBtf(result.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning)))
        {
            if (diagnostic.IsError || options.Warnings != WarningLevel.None)
            {
                _errors.Write(DiagnosticFormatter.Format(diagnostic));
            }
        }

        if (options.Debug.HasFlag(DebugStages.Codegen) && result.LlvmIr is { } ir)
        {
            _errors.WriteLine(ir);
        }

        if (options.Debug.HasFlag(DebugStages.CodegenOpt) && result.OptimizedLlvmIr is { } optimized)
        {
            _errors.WriteLine(optimized);
        }

        if (options.EmitLlvmPath is { } llvmPath && result.LlvmIr is { } text)
        {
            File.WriteAllText(llvmPath, text);
        }

        if (result.Success && !compilation.ImportedObjects.IsEmpty)
        {
            // import "x.bpf.c": the script calls the C file's global functions as externs; link the objects.
            var objects = compilation.ImportedObjects.Select(o => o.ToArray()).Prepend(result.ObjectFile!).ToList();
            var linked = BpfLinker.TryLink(objects, out string linkError);
            if (linked is null)
            {
                _errors.Write(DiagnosticFormatter.Format(Diagnostic.Create(LibBpfDiagnostics.LinkFailed, Location.None, linkError)));
                return null;
            }

            result = result.WithObjectFile(linked);
        }

        return result.Success ? result : null;
    }

    /// <summary>The most syntax nodes one probe body may have (about 2,000 statements like <c>@x = @x + 1;</c>, which is about where such code stops fitting BPF's jumps).</summary>
    internal const int MaxProbeNodes = 10_000;

    /// <summary>
    /// A probe far larger than any BPF program can be: BPF jumps reach at most 32,767 instructions, and LLVM's
    /// optimiser grows faster than linearly with the size of one function, so compiling it anyway would take minutes
    /// and still fail. Checked on the syntax, before binding, so the refusal is immediate. Null when every probe fits.
    /// </summary>
    private static Diagnostic? ProbeTooLarge(SyntaxTree tree)
    {
        if (tree.GetDiagnostics().Any(d => d.IsError))
        {
            return null; // the parse errors come first
        }

        foreach (var probe in tree.GetRoot().DescendantNodes(n => n is not ProbeSyntax).OfType<ProbeSyntax>())
        {
            int nodes = probe.Body.DescendantNodes().Take(MaxProbeNodes + 1).Count();
            if (nodes > MaxProbeNodes)
            {
                string points = string.Join(", ", probe.AttachPoints.Select(a => string.Concat(a.Tokens.Select(t => t.Text))));
                return Diagnostic.Create(EmitDiagnostics.ProbeTooLarge, probe.AttachPoints.First().GetLocation(),
                        $"the body of {points} has more than {MaxProbeNodes:N0} syntax nodes, more than a BPF program can hold")
                    .WithHint("split the work over several probes (one attach point may have several), or use a loop or a map instead of repeated statements");
            }
        }

        return null;
    }

    /// <summary>
    /// Without kernel BTF every kernel type is unknown, and the binder's errors ("struct task_struct does not contain
    /// a field named 'pid'", "Unknown type: 'struct file'") would send the user looking at the script. They become one
    /// error, at the first of them, naming the missing BTF and the fix. Scripts that use no kernel types are untouched.
    /// </summary>
    private static IEnumerable<Diagnostic> WithoutKernelBtf(IEnumerable<Diagnostic> diagnostics)
    {
        var all = diagnostics.ToList();
        // Kernel-type errors first: asking for KernelBtf parses all of /sys/kernel/btf/vmlinux (~9 ms and 8 MiB for
        // a script that needs no kernel type).
        if (!all.Any(IsKernelTypeError) || SystemProbeCatalog.Shared.KernelBtf is not null)
        {
            return all;
        }

        var first = all.First(IsKernelTypeError);
        const string vmlinux = "/sys/kernel/btf/vmlinux";
        string reason = SystemProbeCatalog.Shared.KernelBtfError ?? "it cannot be read";
        reason = reason.Contains(vmlinux, StringComparison.Ordinal) ? reason : $"{vmlinux}: {reason}";
        var replacement = Diagnostic.Create(Driver.LibBpf.LibBpfDiagnostics.KernelBtfRequired, first.Location, reason.ReplaceLineEndings(" "))
            .WithHint("boot a kernel built with CONFIG_DEBUG_INFO_BTF=y (it provides /sys/kernel/btf/vmlinux; Debian's kernels are); scripts without kernel types (curtask->FIELD, struct casts) run without it");
        return all.Where(d => !IsKernelTypeError(d)).Prepend(replacement);

        static bool IsKernelTypeError(Diagnostic d) => d.IsError && d.Id is "BT1021" or "BT1027";
    }

    private int Trace(DriverOptions options, ConfigSettings config, byte[] objectFile, ObjectMetadata metadata)
    {
        if (Driver.LibBpf.LibBpfAvailability.Check() is { } missing)
        {
            // Before anything touches libbpf: otherwise the first P/Invoke ends the run with a stack trace.
            _errors.Write(DiagnosticFormatter.Format(missing));
            return 1;
        }

        if (CheckTarget(options) is { } targetError)
        {
            // Before anything is loaded or attached, as bpftrace refuses a -c command it cannot run.
            _errors.Write(DiagnosticFormatter.Format(targetError));
            return 1;
        }

        TextWriter output;
        try
        {
            output = options.OutputFile is { } path ? OutputFile.Create(path) : OutputWriters.OpenOutput();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _errors.WriteLine($"ERROR: cannot open output file '{options.OutputFile}': {e.Message}");
            return 1;
        }

        var format = options.Format == Cli.OutputFormat.Json ? Output.OutputFormat.Json : Output.OutputFormat.Text;
        var mode = options.Buffering switch
        {
            OutputBuffering.Full => OutputBufferMode.Full,
            OutputBuffering.None => OutputBufferMode.None,
            _ => OutputBufferMode.Line,
        };
        var writer = OutputWriters.Create(format, output, _errors, mode);
        var session = new TraceSession(new TraceRequest
        {
            ObjectFile = objectFile,
            Metadata = metadata,
            Output = writer,
            Errors = _errors,
            Quiet = options.Quiet,
            Verbose = options.Verbose,
            ExplainAttach = options.Debug.HasFlag(DebugStages.Libbpf),
            NoWarnings = options.Warnings == WarningLevel.None,
            DryRun = options.DryRun,
            AllowUnsafe = options.Unsafe,
            NotifyAttached = options.NotifyProbesAttached,
            Pid = options.Pid,
            ChildCommand = options.Command,
            LogSize = (int)Math.Min(config.LogSize, int.MaxValue),
            MissingProbes = config.MissingProbes switch
            {
                MissingProbesMode.Ignore => MissingProbePolicy.Ignore,
                MissingProbesMode.Warn => MissingProbePolicy.Warn,
                _ => MissingProbePolicy.Error,
            },
            CppDemangle = config.CppDemangle,
        });
        int code = session.Run();
        writer.Flush();
        writer.Dispose(); // before the file below: disposing the writer flushes into it
        output.Flush();
        if (options.OutputFile is not null)
        {
            output.Dispose();
        }

        return code;
    }

    /// <summary>The -c command cannot be run or the -p process does not exist: the error, else null.</summary>
    private static Diagnostic? CheckTarget(DriverOptions options)
    {
        if (options.Command is { } command)
        {
            return ChildProcess.Check(command, Environment.GetEnvironmentVariable("PATH"));
        }

        if (options.Pid is { } pid && !Directory.Exists($"/proc/{pid}"))
        {
            return Diagnostic.Create(CliDiagnostics.ProcessNotFound, Location.None, pid);
        }

        return null;
    }

    /// <summary>cgroupid(path): the inode number of the cgroup v2 directory, as the kernel reports cgroup ids.</summary>
    private static ulong? CgroupId(string path)
    {
        string full = path.StartsWith('/') ? path : "/sys/fs/cgroup/" + path;
        return Directory.Exists(full) ? FileSystem.Inode(full) : null;
    }
}
