using BtLang.Semantics.ProbeCatalog;
using BtLang.Semantics.Tests.ProbeCatalog;
using BtLang.Syntax;

namespace BtLang.Semantics.Tests.CDefinitions;

/// <summary>
/// What Debian's bpftrace 0.17 tools expect from C: runqlen.bt defines struct cfs_rq for kernels without BTF only,
/// runqlat.bt takes TASK_RUNNING from the kernel-internal &lt;linux/sched.h&gt;. Both fail on a BTF kernel without kernel
/// headers (bpftrace 0.17 too); the errors say why. And a struct the script does define wins over the kernel's.
/// </summary>
public sealed class OldToolCDefinitionTests
{
    private static readonly SystemProbeCatalog Catalog = new(ProbeCatalogOptions.ForFixture(CatalogFixtures.Directory("basic")));

    private static Compilation Compile(string source) =>
        Compilation.Create(SyntaxTree.ParseText(source), new CompilationOptions { Catalog = Catalog });

    [Fact]
    public void ScriptStructOverridesTheKernelStructOfTheSameName()
    {
        // The fixture's kernel task_struct has no field `mine`; the script's own definition is the one used.
        var compilation = Compile("struct task_struct { long before; int mine; };\n" +
            "BEGIN { $t = (struct task_struct *)curtask; @m = $t->mine; }\n");

        Assert.Empty(compilation.GetDiagnostics());
    }

    [Fact]
    public void ScriptStructOverridesTheKernelStructReachedThroughAKernelField()
    {
        // The fixture kernel only declares struct mm_struct (task_struct.mm points to it); the script defines it,
        // and the field of the kernel struct leads to the script's definition, as bpftrace looks types up by name.
        var compilation = Compile("struct mm_struct { long total; int users; };\n" +
            "BEGIN { $t = (struct task_struct *)curtask; @u = $t->mm->users; }\n");

        Assert.Empty(compilation.GetDiagnostics());
        Assert.Equal("int64", Assert.Single(compilation.Maps, m => m.Name == "@u").ValueType.ToString());
    }

    [Fact]
    public void KernelStructEmbeddedInAScriptStructComesFromBtf()
    {
        // runqlen.bt's struct cfs_rq embeds `struct load_weight load;` without defining it: bpftrace fills it in
        // from BTF. Here the fixture kernel's struct list_head (two pointers, 16 bytes) is embedded.
        var compilation = Compile("struct holder { struct list_head node; int after; };\n" +
            "BEGIN { $h = (struct holder *)curtask; @a = $h->after; @n = $h->node.next; @o = offsetof(struct holder, after); }\n");

        Assert.Empty(compilation.GetDiagnostics());
        var holder = compilation.Binding.Program.Probes[0].Body.Statements
            .OfType<BtLang.Semantics.Binding.BoundVariableAssignment>().Single().Value.Type;
        var type = Assert.IsType<BtLang.Semantics.Types.PointerType>(holder).Element;
        var structType = Assert.IsType<BtLang.Semantics.Types.StructType>(type);
        Assert.Equal(16, structType.FindMember("after")!.Offset);
        Assert.Equal(24, structType.Size);
        var node = Assert.IsType<BtLang.Semantics.Types.StructType>(structType.FindMember("node")!.Type);
        Assert.Equal(["next", "prev"], node.Members.Select(m => m.Name));
    }

    [Fact]
    public void EmbeddedStructUnknownToTheKernelIsStillAnError()
    {
        var error = Assert.Single(Compile("struct holder { struct nowhere_at_all inner; int after; };\nBEGIN { }\n").GetDiagnostics());

        Assert.Equal("BT1601", error.Id);
        Assert.Contains("incomplete type 'struct nowhere_at_all'", error.Message);
    }

    [Fact]
    public void FieldMissingFromTheKernelStructExplainsTheScriptDefinitionLeftOutByThePreprocessor()
    {
        string source = "#ifndef BPFTRACE_HAVE_BTF\nstruct task_struct { long before; int mine; };\n#endif\n" +
            "BEGIN { $t = (struct task_struct *)curtask; @m = $t->mine; }\n";
        var error = Assert.Single(Compile(source).GetDiagnostics());

        Assert.Equal("BT1021", error.Id);
        Assert.Equal("struct task_struct does not contain a field named 'mine'", error.Message);
        Assert.Equal("mine", source.Substring(error.Location.Span.Start, error.Location.Span.Length));
        Assert.Contains(error.Hints, h => h.Contains("the script's own struct task_struct is not used", StringComparison.Ordinal)
            && h.Contains("BPFTRACE_HAVE_BTF", StringComparison.Ordinal));
    }

    [Fact]
    public void FieldMissingFromAKernelStructTheScriptDoesNotDefineHasNoSuchHint()
    {
        var error = Assert.Single(Compile("BEGIN { $t = (struct task_struct *)curtask; @m = $t->mine; }\n").GetDiagnostics());

        Assert.Equal("BT1021", error.Id);
        Assert.DoesNotContain(error.Hints, h => h.Contains("script's own", StringComparison.Ordinal));
    }

    [Fact]
    public void UnknownMacroOfAnIncludedHeaderSaysWhereTheHeaderCameFrom()
    {
        // runqlat.bt: <linux/sched.h> is found (the userspace API header, if installed) but does not define the
        // kernel-internal TASK_* states. (The fixture kernel's BTF has TASK_RUNNING as an enum value, so another one.)
        string source = "#include <linux/sched.h>\ntracepoint:sched:sched_switch { if (args->prev_state == TASK_UNINTERRUPTIBLE) { @x = 1; } }\n";
        var errors = Compile(source).GetDiagnostics().Where(d => d.IsError).ToList();

        var error = Assert.Single(errors, e => e.Id == "BT1002");
        Assert.Equal("Unknown identifier: 'TASK_UNINTERRUPTIBLE'", error.Message);
        string hint = Assert.Single(error.Hints);
        Assert.StartsWith("TASK_UNINTERRUPTIBLE is not defined by the script or its includes (<linux/sched.h> ", hint);
        Assert.Contains("kernel-internal header", hint);
        Assert.Contains("#define TASK_UNINTERRUPTIBLE <value>", hint);
    }

    [Fact]
    public void UnknownLowerCaseNameGetsNoHeaderHint()
    {
        var error = Assert.Single(Compile("#include <linux/sched.h>\nBEGIN { @x = not_a_macro; }\n").GetDiagnostics().Where(d => d.IsError));

        Assert.Equal("BT1002", error.Id);
        Assert.Empty(error.Hints);
    }
}
