using System.Diagnostics;
using System.Globalization;
using BtLang.Driver.Symbols;

namespace BtLang.Driver.Tests.Symbols;

/// <summary>Symbolizes addresses of a process the test starts (a PIE built with gcc) and of libc.</summary>
public class UserSymbolTests
{
    private const string Program = """
        #include <stdio.h>
        #include <stdlib.h>

        int global_value = 42;

        __attribute__((noinline)) int helper_function(int x) { return x * 2; }

        int main(void)
        {
            printf("%lx %lx %lx\n", (unsigned long)&main, (unsigned long)&helper_function, (unsigned long)&malloc);
            fflush(stdout);
            char line[16];
            /* Wait until the test closes stdin, then exit. */
            while (fgets(line, sizeof line, stdin) != NULL) { }
            return helper_function(0);
        }
        """;

    private static readonly Lazy<string> Binary = new(() => SymbolFixtures.CompileC("symprog", Program, "-O0 -g -pie -fPIE"));

    [Fact]
    public async Task Resolves_main_in_a_running_pie_process()
    {
        var info = new ProcessStartInfo(Binary.Value) { RedirectStandardInput = true, RedirectStandardOutput = true };
        using var process = Process.Start(info)!;
        try
        {
            string? line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(20));
            Assert.NotNull(line);
            var addresses = line.Split(' ').Select(a => ulong.Parse(a, NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToArray();
            ulong main = addresses[0], helper = addresses[1], malloc = addresses[2];

            var symbolizer = new Symbolizer();
            Assert.Equal("main", symbolizer.UserSymbol(process.Id, main, offset: false));
            Assert.Equal("main+0", symbolizer.UserSymbol(process.Id, main, offset: true));
            Assert.Equal("main+4", symbolizer.UserSymbol(process.Id, main + 4, offset: true));
            Assert.Equal("helper_function+1", symbolizer.UserSymbol(process.Id, helper + 1, offset: true));
            Assert.Equal($"main+4 ({Binary.Value})", symbolizer.UserSymbol(process.Id, main + 4, offset: true, withModule: true));
            // libc is a shared library with its own load bias.
            Assert.Equal("malloc", symbolizer.UserSymbol(process.Id, malloc, offset: false));
            // The ELF value of main differs from the runtime address by the PIE load bias.
            ulong elfMain = symbolizer.ResolveUserAddress(Binary.Value, "main")!.Value;
            Assert.NotEqual(main, elfMain);
            Assert.Equal(0UL, (main - elfMain) % 4096);
            Assert.NotNull(symbolizer.ResolveUserAddress(Binary.Value, "global_value"));
            Assert.Null(symbolizer.ResolveUserAddress(Binary.Value, "no_such_symbol"));
            Assert.Null(symbolizer.ResolveUserAddress("/nonexistent/binary", "main"));
            // Addresses outside any mapping print as hex, as bpftrace prints unknown frames.
            Assert.Equal("0x10", symbolizer.UserSymbol(process.Id, 0x10, offset: true));
            Assert.Equal("0x10 ([unknown])", symbolizer.UserSymbol(process.Id, 0x10, offset: true, withModule: true));
        }
        finally
        {
            process.StandardInput.Close();
            if (!process.WaitForExit(10_000))
                process.Kill();
        }
    }

    [Fact]
    public void An_exited_process_gives_hex()
    {
        var process = Process.Start(new ProcessStartInfo("/bin/true"))!;
        process.WaitForExit();
        var symbolizer = new Symbolizer();
        Assert.Equal("0x401000", symbolizer.UserSymbol(process.Id, 0x401000, offset: true));
    }

    [Fact]
    public void Resolves_uaddr_like_nm()
    {
        var (code, nm) = SymbolFixtures.Run("nm", Binary.Value);
        Assert.Equal(0, code);
        var line = nm.Split('\n').Single(l => l.EndsWith(" helper_function", StringComparison.Ordinal));
        Assert.Equal(ulong.Parse(line[..16], NumberStyles.HexNumber, CultureInfo.InvariantCulture),
            new Symbolizer().ResolveUserAddress(Binary.Value, "helper_function"));
    }

    [Fact]
    public void Parses_proc_maps_lines()
    {
        var maps = ProcessMaps.Parse("""
            55d0c0000000-55d0c0001000 r--p 00000000 08:01 1234                       /usr/bin/prog
            55d0c0001000-55d0c0002000 r-xp 00001000 08:01 1234                       /usr/bin/prog
            7ffd1000-7ffd2000 rw-p 00000000 00:00 0                          [stack]
            7f0000000000-7f0000001000 r-xp 00002000 08:01 99   /tmp/lib.so (deleted)
            garbage
            """);
        Assert.Equal(4, maps.Length);
        Assert.True(maps[1].IsExecutable);
        Assert.Equal(0x1000UL, maps[1].Offset);
        Assert.True(maps[1].IsFile);
        Assert.False(maps[2].IsFile);
        Assert.Equal("/tmp/lib.so (deleted)", maps[3].Path);
    }
}
