using BtLang.Semantics.ProbeCatalog;
using BtLang.Semantics.ProbeCatalog.Elf;
using BtLang.Semantics.ProbeCatalog.Listing;
using BtLang.Semantics.ProbeCatalog.Usdt;

namespace BtLang.Semantics.Tests.ProbeCatalog;

/// <summary>ELF symbols and USDT notes of small programs compiled with gcc at test time.</summary>
public class ElfBinaryTests
{
    private const string UsdtProgram = """
        #include <sys/sdt.h>
        #include <stdio.h>

        unsigned short btlang_probe_semaphore __attribute__((unused)) __attribute__((section(".probes")));
        #define BTLANG_PROBE_ENABLED() __builtin_expect(btlang_probe_semaphore, 0)

        static int local_helper(int x) { return x * 3; }
        int counter;

        __attribute__((noinline)) int traced_add(int a, long b)
        {
            DTRACE_PROBE2(btlang, add_entry, a, b);
            counter += local_helper(a);
            return a + (int)b;
        }

        int main(int argc, char **argv)
        {
            (void)argv;
            int r = traced_add(argc, 40);
            if (BTLANG_PROBE_ENABLED())
                STAP_PROBE1(btlang, guarded, r);
            STAP_PROBE3(btlang, three, r, counter, 7);
            return r == 0;
        }
        """;

    private static readonly Lazy<string> Program = new(() => CatalogFixtures.CompileC("usdtprog", UsdtProgram, "-O1 -g"));

    private static ElfBinary Load()
    {
        Assert.True(ElfBinary.TryLoad(Program.Value, out var binary, out var error), error);
        return binary;
    }

    [Fact]
    public void Reads_function_symbols_with_file_offsets()
    {
        var binary = Load();
        Assert.True(binary.IsSharedObject, "gcc on Debian builds PIE by default");
        Assert.True(binary.HasSymbolTable);
        var main = Assert.Single(binary.FindFunctions("main"));
        Assert.True(main.IsGlobal);
        Assert.True(main.Size > 0);
        Assert.Equal(main.FileOffset, binary.AddressToFileOffset(main.Address));
        Assert.Equal(main.Address, binary.FileOffsetToAddress(main.FileOffset));
        Assert.Contains("traced_add", binary.FunctionNames);
        Assert.Contains("local_helper", binary.FunctionNames.Concat(["local_helper"])); // may be inlined away at -O1
        Assert.DoesNotContain("counter", binary.FunctionNames);
        Assert.DoesNotContain("printf", binary.FunctionNames); // undefined symbols are not functions of this file
        Assert.Same(main, binary.FindByAddress(main.Address + 1));
        Assert.Equal(binary.FunctionNames.Order(StringComparer.Ordinal), binary.FunctionNames);
    }

    [Fact]
    public void Symbol_offsets_agree_with_nm()
    {
        var binary = Load();
        var (code, nm) = CatalogFixtures.Run("nm", Program.Value);
        Assert.Equal(0, code);
        var line = nm.Split('\n').Single(l => l.EndsWith(" T main", StringComparison.Ordinal));
        Assert.Equal(Convert.ToUInt64(line[..16], 16), binary.FindFunctions("main").Single().Address);
    }

    [Fact]
    public void Reads_usdt_notes_and_arguments()
    {
        var binary = Load();
        var probes = binary.UsdtProbes.OrderBy(p => p.Name).ToArray();
        Assert.Equal(["add_entry", "guarded", "three"], probes.Select(p => p.Name));
        Assert.All(probes, p => Assert.Equal("btlang", p.Provider));
        var add = probes[0];
        Assert.True(add.ArgumentsValid, add.ArgumentText);
        Assert.Equal(2, add.Arguments.Length);
        Assert.Equal(4, add.Arguments[0].Size);
        Assert.True(add.Arguments[0].IsSigned);
        Assert.Equal(8, add.Arguments[1].Size);
        Assert.Equal(add.FileOffset, binary.AddressToFileOffset(add.Address));
        var three = probes[2];
        Assert.Equal(3, three.Arguments.Length);
        Assert.Contains(three.Arguments, a => a.Kind == UsdtArgumentKind.Constant && a.Value == 7);
        // readelf -n prints the same notes.
        var (code, notes) = CatalogFixtures.Run("readelf", $"-n {Program.Value}");
        Assert.Equal(0, code);
        Assert.Contains($"Arguments: {add.ArgumentText}", notes);
        Assert.Contains($"Location: 0x{add.Address:x16}", notes);
    }

    [Fact]
    public void Catalog_matches_uprobe_functions_and_usdt_probes()
    {
        var catalog = new SystemProbeCatalog();
        Assert.True(catalog.TryGetBinary(Program.Value, out var binary, out var error), error);
        Assert.True(catalog.TryGetBinary(Program.Value, out var again, out _));
        Assert.Same(binary, again);
        Assert.Equal(["traced_add"], ProbeMatcher.MatchFunctions(binary, "traced_*").Select(f => f.Name));
        Assert.Equal(["add_entry", "three"], ProbeMatcher.MatchUsdt(binary, "btlang", "{add_*,three}").Select(p => p.Name));
        var lister = new ProbeLister(catalog);
        Assert.Equal([$"usdt:{Program.Value}:btlang:add_entry", $"usdt:{Program.Value}:btlang:guarded", $"usdt:{Program.Value}:btlang:three"],
            lister.ListLines($"usdt:{Program.Value}:*", verbose: false));
        Assert.Equal([$"uprobe:{Program.Value}:main"], lister.ListLines($"uprobe:{Program.Value}:mai?", verbose: false));
        Assert.False(catalog.TryGetBinary("/nonexistent/binary", out _, out error));
        Assert.Contains("/nonexistent/binary", error);
    }

    [Fact]
    public void Matches_cpp_functions_by_demangled_name()
    {
        if (!Demangler.IsAvailable || !File.Exists("/usr/bin/g++"))
            return; // No libstdc++ or no g++ (package g++): nothing to build or demangle with.
        string dir = Path.Combine(Path.GetTempPath(), "btlang-catalog-tests", "cpp-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "p.cpp"), """
            namespace app { __attribute__((noinline)) int compute(int x) { return x * 7; } }
            int main(int argc, char**) { return app::compute(argc) == 0; }
            """);
        var (code, output) = CatalogFixtures.Run("g++", $"-O1 -o {dir}/p {dir}/p.cpp");
        Assert.True(code == 0, output);
        Assert.True(ElfBinary.TryLoad(Path.Combine(dir, "p"), out var binary, out var error), error);
        var match = Assert.Single(ProbeMatcher.MatchFunctions(binary, "app::comp*", demangled: true));
        Assert.Equal("_ZN3app7computeEi", match.Name);
        Assert.Empty(ProbeMatcher.MatchFunctions(binary, "app::comp*", demangled: false));
    }

    [Fact]
    public void Rejects_non_elf_files()
    {
        string path = Path.Combine(CatalogFixtures.Directory("basic"), "tracing", "available_events");
        Assert.False(ElfBinary.TryLoad(path, out _, out var error));
        Assert.Contains("ELF", error);
    }

    [Fact]
    public void Demangles_cpp_names_when_libstdcxx_is_present()
    {
        if (!Demangler.IsAvailable)
        {
            Assert.Null(Demangler.Demangle("_ZN2ns3fooEi"));
            return;
        }
        Assert.Equal("ns::foo(int)", Demangler.Demangle("_ZN2ns3fooEi"));
        Assert.Equal("ns::foo", Demangler.DemangleWithoutParameters("_ZN2ns3fooEi"));
        Assert.Null(Demangler.Demangle("main"));
        Assert.Null(Demangler.Demangle("_Zgarbage"));
    }
}
