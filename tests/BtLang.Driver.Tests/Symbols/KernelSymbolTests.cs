using BtLang.Driver.Symbols;

namespace BtLang.Driver.Tests.Symbols;

public class KernelSymbolTests
{
    private static Symbolizer Fixture() => new(new SymbolizerOptions
    {
        KallsymsPath = SymbolFixtures.File("kallsyms"),
        PasswdPath = SymbolFixtures.File("passwd"),
    });

    [Fact]
    public void Formats_kernel_symbols_like_kstack()
    {
        var symbolizer = Fixture();
        Assert.Equal("do_sys_open+5", symbolizer.KernelSymbol(0xffffffff81002005, offset: true));
        Assert.Equal("do_sys_open", symbolizer.KernelSymbol(0xffffffff81002005, offset: false));
        Assert.Equal("do_sys_openat2+0", symbolizer.KernelSymbol(0xffffffff81002100, offset: true));
        Assert.Equal("_stext+16", symbolizer.KernelSymbol(0xffffffff81000010, offset: true)); // aliases: first listed wins
        Assert.Equal("mod_func+1", symbolizer.KernelSymbol(0xffffffffc0001001, offset: true));
        Assert.Equal("0x1234", symbolizer.KernelSymbol(0x1234, offset: true));
    }

    [Fact]
    public void Resolves_kernel_addresses_by_name()
    {
        var symbolizer = Fixture();
        Assert.Equal(0xffffffff82000000UL, symbolizer.ResolveKernelAddress("jiffies"));
        Assert.Equal(0xffffffffc0001000UL, symbolizer.ResolveKernelAddress("mod_func"));
        Assert.Null(symbolizer.ResolveKernelAddress("fixed_percpu_data")); // address 0: not usable
        Assert.Null(symbolizer.ResolveKernelAddress("nope"));
        Assert.Equal(7, symbolizer.KernelSymbols.Count); // the zero-address entry is dropped
    }

    [Fact]
    public void Names_users_from_passwd()
    {
        var symbolizer = Fixture();
        Assert.Equal("root", symbolizer.UserName(0));
        Assert.Equal("alice", symbolizer.UserName(1000));
        Assert.Equal("4242", symbolizer.UserName(4242));
        Assert.Equal("root", new Symbolizer().UserName(0));
    }

    [Fact]
    public void Unreadable_kallsyms_gives_hex()
    {
        var symbolizer = new Symbolizer(new SymbolizerOptions { KallsymsPath = "/nonexistent/kallsyms" });
        Assert.False(symbolizer.KernelSymbols.IsAvailable);
        Assert.Equal("0xffffffff81002005", symbolizer.KernelSymbol(0xffffffff81002005, offset: true));
    }

    [Fact]
    public void Reads_the_live_kallsyms()
    {
        var symbolizer = new Symbolizer();
        if (!symbolizer.KernelSymbols.IsAvailable)
        {
            // Without root the kernel hides addresses (all zero): nothing to resolve, and nothing must throw.
            Assert.Null(symbolizer.ResolveKernelAddress("vfs_read"));
            return;
        }
        ulong vfsRead = symbolizer.ResolveKernelAddress("vfs_read")!.Value;
        Assert.Equal("vfs_read", symbolizer.KernelSymbol(vfsRead, offset: false));
        Assert.Equal("vfs_read+5", symbolizer.KernelSymbol(vfsRead + 5, offset: true));
        Assert.True(symbolizer.KernelSymbols.Count > 10_000);
    }
}
