using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using BtLang.Semantics.ProbeCatalog.Btf;

namespace BtLang.Semantics.CImports;

/// <summary>
/// An imported BPF C source (<c>import "x.bpf.c"</c>), compiled with clang for the BPF target: the object the
/// driver links with the script's, and the global functions the script may call (read from the object's BTF).
/// Compiling the same unchanged file again reuses the earlier result.
/// </summary>
internal sealed class BpfCImport
{
    private static readonly ConcurrentDictionary<(string Path, DateTime Modified, long Length), BpfCImport> Cache = new();
    private static readonly TimeSpan ClangTimeout = TimeSpan.FromSeconds(120);

    private BpfCImport(string sourcePath, ImmutableArray<byte> objectFile, ImmutableDictionary<string, ExternFunction> functions, string? error)
    {
        SourcePath = sourcePath;
        ObjectFile = objectFile;
        Functions = functions;
        Error = error;
    }

    public string SourcePath { get; }

    /// <summary>The compiled object (empty when <see cref="Error"/> is set).</summary>
    public ImmutableArray<byte> ObjectFile { get; }

    /// <summary>The global functions with integer parameters and result, by name.</summary>
    public ImmutableDictionary<string, ExternFunction> Functions { get; }

    /// <summary>Why the file cannot be imported (clang's errors, maps or unsupported function types), or null.</summary>
    public string? Error { get; }

    public static BpfCImport Compile(string path)
    {
        var info = new FileInfo(path);
        var key = (info.FullName, info.LastWriteTimeUtc, info.Length);
        if (Cache.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var result = CompileUncached(info.FullName);
        Cache[key] = result;
        return result;
    }

    private static BpfCImport CompileUncached(string path)
    {
        string workDirectory = Path.Combine(Path.GetTempPath(), "btlang-bpfc-" + Environment.ProcessId + "-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(workDirectory);
        try
        {
            string objectPath = Path.Combine(workDirectory, "import.o");
            var arguments = new List<string> { "-target", "bpf", "-O2", "-g", "-c", path, "-o", objectPath, "-I", Path.GetDirectoryName(path)! };
            // The BPF target has no multiarch include directory of its own (<asm/types.h> is there); bpf_tracing.h
            // wants the target architecture, as in libbpf-tools' builds.
            var (multiarch, targetArch) = System.Runtime.InteropServices.RuntimeInformation.OSArchitecture switch
            {
                System.Runtime.InteropServices.Architecture.Arm64 => ("aarch64-linux-gnu", "arm64"),
                _ => ("x86_64-linux-gnu", "x86"),
            };
            arguments.Add("-D__TARGET_ARCH_" + targetArch);
            if (Directory.Exists("/usr/include/" + multiarch))
            {
                arguments.Add("-idirafter");
                arguments.Add("/usr/include/" + multiarch);
            }

            if (File.ReadAllText(path).Contains("vmlinux.h", StringComparison.Ordinal))
            {
                string? error = WriteVmlinuxHeader(workDirectory);
                if (error is not null)
                {
                    return Failed(path, error);
                }

                arguments.Add("-I");
                arguments.Add(workDirectory);
            }

            var (exitCode, output) = Run(ClangCommand(), arguments);
            if (exitCode != 0)
            {
                return Failed(path, "clang failed:\n" + output.TrimEnd());
            }

            return Read(path, File.ReadAllBytes(objectPath));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return Failed(path, e.Message);
        }
        finally
        {
            try
            {
                Directory.Delete(workDirectory, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    /// <summary>Reads the functions of a compiled BPF object; internal for tests.</summary>
    internal static BpfCImport Read(string path, byte[] elf)
    {
        if (ElfSections.Read(elf, ".maps") is { Length: > 0 } || ElfSections.Read(elf, "maps") is { Length: > 0 })
        {
            return Failed(path, "it defines BPF maps, which BtLang cannot share with a script yet; keep maps in the script");
        }

        var programSections = ElfSections.ExecutableSectionNames(elf).Where(n => n != ".text").ToList();
        if (programSections.Count > 0)
        {
            return Failed(path, $"it defines BPF programs (SEC(\"{string.Join("\"), SEC(\"", programSections)}\")), which BtLang does not attach; " +
                "an imported C file provides functions for the script to call");
        }

        byte[]? btf = ElfSections.Read(elf, ".BTF");
        if (btf is null || !BtfTypeTable.TryParse(btf, null, out var table, out string btfError))
        {
            return Failed(path, "its object has no readable BTF (compile with -g)");
        }

        var functions = ImmutableDictionary.CreateBuilder<string, ExternFunction>(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var (name, id) in table.EnumerateNames(BtfKind.Function))
        {
            var func = table.GetType(id);
            if (func.Linkage != 1)
            {
                continue; // static functions are not visible to the script
            }

            var proto = table.GetType(func.TypeId);
            var parameters = ImmutableArray.CreateBuilder<ExternScalarType>();
            string? problem = null;
            foreach (var parameter in proto.Parameters)
            {
                if (Scalar(table, parameter.TypeId) is { } scalar)
                {
                    parameters.Add(scalar);
                }
                else
                {
                    problem = $"parameter '{parameter.Name}' of {name}() has type {table.FormatType(parameter.TypeId)}";
                }
            }

            ExternScalarType? result = null;
            if (table.Resolve(proto.TypeId).Kind != BtfKind.Void)
            {
                result = Scalar(table, proto.TypeId);
                problem ??= result is null ? $"{name}() returns {table.FormatType(proto.TypeId)}" : null;
            }

            if (problem is not null)
            {
                problems.Add(problem);
                continue;
            }

            functions[name] = new ExternFunction(name, parameters.ToImmutable(), result, path);
        }

        if (problems.Count > 0)
        {
            return Failed(path, "only integer parameters and results are supported: " + string.Join("; ", problems));
        }

        return new BpfCImport(path, [.. elf], functions.ToImmutable(), null);
    }

    private static ExternScalarType? Scalar(BtfTypeTable table, int typeId)
    {
        var type = table.Resolve(typeId);
        return type.Kind switch
        {
            BtfKind.Int when type.IntBits is 8 or 16 or 32 or 64 => new ExternScalarType(type.Name, type.IntBits, type.IsSignedInt),
            _ => null,
        };
    }

    private static BpfCImport Failed(string path, string error) =>
        new(path, ImmutableArray<byte>.Empty, ImmutableDictionary<string, ExternFunction>.Empty, error);

    private static string ClangCommand()
    {
        if (Environment.GetEnvironmentVariable("BTLANG_CLANG") is { Length: > 0 } configured)
        {
            return configured;
        }

        string[] directories = (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin").Split(':');
        foreach (string name in new[] { "clang", "clang-19", "clang-18", "clang-17", "clang-16", "clang-15", "clang-14" })
        {
            if (directories.Any(d => File.Exists(Path.Combine(d, name))))
            {
                return name;
            }
        }

        return "clang";
    }

    private static string? WriteVmlinuxHeader(string directory)
    {
        var (exitCode, output) = Run("bpftool", ["btf", "dump", "file", "/sys/kernel/btf/vmlinux", "format", "c"]);
        if (exitCode != 0)
        {
            return "bpftool could not write vmlinux.h: " + output.Trim();
        }

        File.WriteAllText(Path.Combine(directory, "vmlinux.h"), output);
        return null;
    }

    private static (int ExitCode, string Output) Run(string command, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(command) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {command}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(ClangTimeout))
        {
            process.Kill(entireProcessTree: true);
            return (-1, $"{command} did not finish within {ClangTimeout.TotalSeconds} s");
        }

        process.WaitForExit();
        return (process.ExitCode, process.ExitCode == 0 ? stdout.Result : stderr.Result + stdout.Result);
    }
}
