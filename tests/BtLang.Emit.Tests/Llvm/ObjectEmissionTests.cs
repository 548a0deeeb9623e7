using System.Text;
using BtLang.Emit.Btf;
using BtLang.Emit.Llvm;

namespace BtLang.Emit.Tests.Llvm;

/// <summary>The sample object (Llvm/SampleObject.cs) inspected with llvm-objdump-19, bpftool and the kernel.</summary>
public sealed class ObjectEmissionTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("btlt-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static byte[] EmitSample()
    {
        using var context = new LlvmContext();
        using LlvmModule module = SampleObject.Build(context);
        Assert.Null(module.Verify());
        LlvmEmitResult result = module.EmitObject();
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        Assert.Empty(result.Diagnostics);
        return result.ObjectBytes;
    }

    private string WriteSample()
    {
        string path = Path.Combine(_directory, "sample.o");
        File.WriteAllBytes(path, EmitSample());
        return path;
    }

    [Fact]
    public void Object_has_the_program_maps_license_metadata_and_btf_sections_and_no_eh_frame()
    {
        (int exit, string stdout, string stderr) = ToolRunner.Run("llvm-objdump-19", "-h", WriteSample());
        Assert.True(exit == 0, stderr);
        string[] names = [.. stdout.Split('\n').Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Where(p => p.Length >= 2 && int.TryParse(p[0], out _)).Select(p => p[1])];
        Assert.Contains(SampleObject.Section, names);
        Assert.Contains(".maps", names);
        Assert.Contains("license", names);
        Assert.Contains(".btlang.meta", names);
        Assert.Contains(".BTF", names);
        Assert.Contains(".BTF.ext", names);
        Assert.DoesNotContain(".eh_frame", names);
    }

    [Fact]
    public void Disassembly_calls_the_helpers_and_addresses_the_maps()
    {
        (int exit, string stdout, string stderr) = ToolRunner.Run("llvm-objdump-19", "-d", "-r", WriteSample());
        Assert.True(exit == 0, stderr);
        Assert.Contains($"<{SampleObject.ProgramName}>:", stdout);
        Assert.Contains("call 0x1", stdout);   // bpf_map_lookup_elem
        Assert.Contains("call 0x2", stdout);   // bpf_map_update_elem
        Assert.Contains("call 0xe", stdout);   // bpf_get_current_pid_tgid
        Assert.Contains("call 0x82", stdout);  // bpf_ringbuf_output
        Assert.Contains("R_BPF_64_64\tcounts", stdout);
        Assert.Contains("R_BPF_64_64\tby_pid", stdout);
        Assert.Contains("R_BPF_64_64\tevents", stdout);
        Assert.Contains("exit", stdout);
    }

    [Fact]
    public void Map_and_function_btf_match_what_clang_emits_for_libbpf_macros()
    {
        (int exit, string stdout, string stderr) = ToolRunner.Run("bpftool", "btf", "dump", "file", WriteSample());
        Assert.True(exit == 0, stderr);
        var dump = new BtfDump(stdout);
        string[] expected = Fixtures.Read("maps.expected.txt").TrimEnd('\n').Split('\n');
        string[] actual = [.. dump.DescribeMaps(), dump.DescribeFunction(SampleObject.ProgramName) ?? "no FUNC"];
        Assert.Equal(expected, actual);
        Assert.Contains("\t'ctx' type_id=", stdout);
    }

    [Fact]
    public void Metadata_section_reads_back_from_the_object()
    {
        byte[] elf = EmitSample();
        Assert.True(ElfSectionReader.TryReadSection(elf, ".btlang.meta", out byte[] contents));
        Assert.Equal(SampleObject.MetaText, Encoding.UTF8.GetString(contents));
        Assert.Contains(".BTF", ElfSectionReader.SectionNames(elf));
        Assert.False(ElfSectionReader.TryReadSection(elf, ".nope", out _));
        Assert.False(ElfSectionReader.TryReadSection(Encoding.ASCII.GetBytes("not an elf file at all, just text......................................"), ".btlang.meta", out _));
        Assert.False(ElfSectionReader.TryReadSection(elf.AsSpan(0, 80), ".btlang.meta", out _));
    }

    [Fact]
    public void Section_reader_never_throws_on_damaged_objects()
    {
        byte[] elf = EmitSample();
        var random = new Random(1234);
        for (int round = 0; round < 2000; round++)
        {
            byte[] damaged = (byte[])elf.Clone();
            int changes = 1 + random.Next(8);
            for (int i = 0; i < changes; i++)
            {
                // Mostly hit the ELF header and the section header table, where the offsets live.
                int position = random.Next(3) switch
                {
                    0 => random.Next(64),
                    1 => damaged.Length - 1 - random.Next(Math.Min(damaged.Length, 28 * 64)),
                    _ => random.Next(damaged.Length),
                };
                damaged[position] = (byte)random.Next(256);
            }

            int length = random.Next(4) == 0 ? random.Next(damaged.Length) : damaged.Length;
            ElfSectionReader.TryReadSection(damaged.AsSpan(0, length), ".btlang.meta", out _);
            ElfSectionReader.SectionNames(damaged.AsSpan(0, length));
        }
    }

    [Fact]
    public void Emission_is_repeatable_and_fast_after_target_initialisation()
    {
        byte[] first = EmitSample();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        byte[] second = EmitSample();
        Assert.Equal(first, second);
        Assert.True(watch.ElapsedMilliseconds < 1000, $"build and emit took {watch.ElapsedMilliseconds} ms");
        Assert.True(BpfTarget.InitializationTime < TimeSpan.FromSeconds(2), $"target init took {BpfTarget.InitializationTime}");
    }

    [RootFact]
    public void Libbpf_opens_from_memory_and_loads_without_a_warning()
    {
        TestLibbpf.LoadOutcome outcome = TestLibbpf.OpenLoadClose(EmitSample());
        Assert.True(outcome.OpenErrno == 0, $"open failed, errno {outcome.OpenErrno}: {outcome.Log}");
        Assert.True(outcome.LoadResult == 0, $"load failed ({outcome.LoadResult}): {outcome.Log}");
        Assert.Empty(outcome.Warnings);
        Assert.Contains(outcome.Messages, m => m.Text.Contains("skipping unrecognized data section", StringComparison.Ordinal) && m.Text.Contains(".btlang.meta", StringComparison.Ordinal));
        KernelLoader.WaitUntilUnloaded(SampleObject.ProgramName); // throws when something stays loaded
    }

    [RootFact]
    public void Bpftool_loads_the_object_with_its_btf_and_nothing_stays_loaded()
    {
        string objectPath = WriteSample();
        string pinDirectory = $"/sys/fs/bpf/btlt_{Environment.ProcessId}_{Guid.NewGuid():N}"[..40];
        try
        {
            (int exit, string stdout, string stderr) = ToolRunner.Run("bpftool", "-d", "prog", "loadall", objectPath, pinDirectory);
            Assert.True(exit == 0, stderr + stdout);
            Assert.DoesNotContain("BTF is optional", stderr);
            Assert.DoesNotContain("ignoring", stderr);
            Assert.Matches(@"skipping unrecognized data section\(\d+\) \.btlang\.meta", stderr);
            Assert.Contains("license of", stderr);
            Assert.True(File.Exists(Path.Combine(pinDirectory, SampleObject.ProgramName)), "the program is not pinned");

            (int showExit, string show, string showError) = ToolRunner.Run("bpftool", "prog", "show", "pinned", Path.Combine(pinDirectory, SampleObject.ProgramName));
            Assert.True(showExit == 0, showError);
            Assert.Contains("tracepoint", show);
            Assert.Contains("btf_id", show);
        }
        finally
        {
            if (Directory.Exists(pinDirectory))
            {
                Directory.Delete(pinDirectory, recursive: true);
            }
        }

        Assert.False(Directory.Exists(pinDirectory));
        var deadline = DateTime.UtcNow.AddSeconds(5);
        string remaining;
        do
        {
            remaining = ToolRunner.Run("bpftool", "prog", "show", "name", SampleObject.ProgramName).Stdout;
            if (remaining.Trim().Length == 0)
            {
                break;
            }

            Thread.Sleep(50);
        }
        while (DateTime.UtcNow < deadline);

        Assert.True(remaining.Trim().Length == 0, "still loaded: " + remaining);
    }
}
