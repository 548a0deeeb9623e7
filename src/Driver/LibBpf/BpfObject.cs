using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;
using BtLang.Diagnostics;

namespace BtLang.Driver.LibBpf;

/// <summary>
/// A BPF ELF object opened with libbpf (<c>bpf_object__open_mem</c>), then loaded into the kernel
/// (<see cref="TryLoad"/>). Disposing it closes the object: programs are unloaded and maps freed. Dispose links
/// first (<see cref="BpfLink"/>); an attached link keeps its program alive in the kernel.
/// </summary>
public sealed unsafe class BpfObject : IDisposable
{
    private readonly BpfObjectHandle _handle;
    private readonly BpfObjectOptions _options;

    private BpfObject(BpfObjectHandle handle, string name, BpfObjectOptions options)
    {
        _handle = handle;
        _options = options;
        Name = name;

        var programs = ImmutableArray.CreateBuilder<BpfProgram>();
        for (nint p = LibBpfNative.bpf_object__next_program(handle.DangerousGetHandle(), 0); p != 0;
             p = LibBpfNative.bpf_object__next_program(handle.DangerousGetHandle(), p))
        {
            programs.Add(new BpfProgram(this, p));
        }

        var maps = ImmutableArray.CreateBuilder<BpfMap>();
        for (nint m = LibBpfNative.bpf_object__next_map(handle.DangerousGetHandle(), 0); m != 0;
             m = LibBpfNative.bpf_object__next_map(handle.DangerousGetHandle(), m))
        {
            maps.Add(new BpfMap(this, m));
        }

        Programs = programs.ToImmutable();
        Maps = maps.ToImmutable();
    }

    /// <summary>The object name given to <see cref="TryOpen"/> (libbpf prefixes internal maps with it).</summary>
    public string Name { get; }

    public ImmutableArray<BpfProgram> Programs { get; }

    /// <summary>All maps, including libbpf's internal ones (<c>.rodata</c>, <c>.bss</c>, ...).</summary>
    public ImmutableArray<BpfMap> Maps { get; }

    public bool IsLoaded { get; private set; }

    /// <summary>
    /// Opens an object from an ELF image in memory (the buffer may be reused right after). On failure returns
    /// false with a BT3100 diagnostic that quotes libbpf's own warning.
    /// </summary>
    public static bool TryOpen(ReadOnlySpan<byte> elf, string name, [NotNullWhen(true)] out BpfObject? obj, [NotNullWhen(false)] out Diagnostic? error) =>
        TryOpen(elf, name, BpfObjectOptions.Default, out obj, out error);

    public static bool TryOpen(ReadOnlySpan<byte> elf, string name, BpfObjectOptions options, [NotNullWhen(true)] out BpfObject? obj, [NotNullWhen(false)] out Diagnostic? error)
    {
        LibBpfLog.EnsureInstalled();
        using var capture = LibBpfLog.BeginCapture();
        nint objectName = Marshal.StringToCoTaskMemUTF8(name);
        try
        {
            var openOptions = new BpfObjectOpenOptions
            {
                Size = (nuint)sizeof(BpfObjectOpenOptions),
                ObjectName = objectName,
            };
            nint pointer;
            int errno;
            fixed (byte* buffer = elf)
            {
                pointer = LibBpfNative.bpf_object__open_mem(buffer, (nuint)elf.Length, &openOptions);
                errno = Marshal.GetLastPInvokeError();
            }

            if (pointer == 0)
            {
                obj = null;
                error = Diagnostic.Create(LibBpfDiagnostics.ObjectOpenFailed, Location.None, name, DescribeFailure(errno, capture));
                return false;
            }

            obj = new BpfObject(new BpfObjectHandle(pointer), name, options);
            error = null;
            return true;
        }
        finally
        {
            Marshal.FreeCoTaskMem(objectName);
        }
    }

    /// <summary>Finds a program by its function name.</summary>
    public BpfProgram? FindProgram(string name) => Programs.FirstOrDefault(p => p.Name == name);

    /// <summary>Finds a map by name (BTF-defined maps keep their C name; internal maps are <c>&lt;obj&gt;.rodata</c> etc.).</summary>
    public BpfMap? FindMap(string name) => Maps.FirstOrDefault(m => m.Name == name);

    /// <summary>
    /// The internal map libbpf made for a global-data section (<c>.rodata</c>, <c>.bss</c>, <c>.data</c>,
    /// <c>.data.NAME</c>): libbpf names it with a prefix of the object name (e.g. <c>btlang.bss</c>).
    /// </summary>
    public BpfMap? FindDataSectionMap(string section) =>
        Maps.FirstOrDefault(m => m.Name.EndsWith(section, StringComparison.Ordinal) && m.Name.Length > section.Length
            && m.Name.IndexOf('.', StringComparison.Ordinal) == m.Name.Length - section.Length);

    /// <summary>
    /// Creates the maps and loads every program (<c>bpf_object__load</c>). When the verifier rejects a program the
    /// BT3101 diagnostic names it and carries the tail of the verifier log as a hint; the full log stays in
    /// <see cref="BpfProgram.VerifierLog"/>. Nothing stays loaded after a failure once the object is disposed.
    /// </summary>
    public bool TryLoad([NotNullWhen(false)] out Diagnostic? error)
    {
        ThrowIfDisposed();
        if (IsLoaded)
        {
            throw new InvalidOperationException($"BPF object '{Name}' is already loaded");
        }

        using var capture = LibBpfLog.BeginCapture();
        foreach (var program in Programs)
        {
            program.PrepareLogBuffer(_options.VerifierLogSize, _options.VerifierLogLevel);
        }

        int result = LibBpfNative.bpf_object__load(_handle.DangerousGetHandle());
        foreach (var program in Programs)
        {
            program.CollectLogBuffer();
        }

        if (result == 0)
        {
            IsLoaded = true;
            error = null;
            return true;
        }

        // The rejected program is the first one without an fd that has a log.
        var rejected = Programs.FirstOrDefault(p => p.Fd < 0 && p.VerifierLog.Length > 0);
        if (rejected is not null)
        {
            string reason = VerifierLogSummary.FirstError(rejected.VerifierLog) ?? LibBpfErrors.Describe(-result);
            var diagnostic = Diagnostic.Create(LibBpfDiagnostics.ProgramRejected, Location.None, Describe(rejected), reason);
            string tail = VerifierLogSummary.Tail(rejected.VerifierLog, 12);
            if (tail.Length > 0)
            {
                diagnostic = diagnostic.WithHint("verifier log (last lines; -v shows all of it):\n" + tail);
            }

            error = diagnostic;
            return false;
        }

        error = Diagnostic.Create(LibBpfDiagnostics.ObjectLoadFailed, Location.None, Name, DescribeFailure(-result, capture));
        return false;
    }

    public void Dispose()
    {
        _handle.Dispose();
        foreach (var program in Programs)
        {
            program.FreeLogBuffer();
        }
    }

    internal void ThrowIfDisposed()
    {
        ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
    }

    private static string Describe(BpfProgram program) => $"'{program.Name}' (section {program.SectionName})";

    private static string DescribeFailure(int errno, LibBpfLogCapture capture)
    {
        string text = LibBpfErrors.Describe(errno);
        var warning = capture.Warnings.LastOrDefault();
        return warning is null ? text : $"{text} (libbpf: {warning.Text.Trim()})";
    }

    public override string ToString() => Name;
}
