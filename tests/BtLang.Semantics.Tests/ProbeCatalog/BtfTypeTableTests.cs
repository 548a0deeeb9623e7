using BtLang.Semantics.ProbeCatalog.Btf;

namespace BtLang.Semantics.Tests.ProbeCatalog;

/// <summary>Tests over the small BTF blob compiled from tests/fixtures/catalog/basic/btf/fixture.c.</summary>
public class BtfTypeTableTests
{
    private static BtfTypeTable Load()
    {
        string path = Path.Combine(CatalogFixtures.Directory("basic"), "btf", "vmlinux");
        Assert.True(BtfTypeTable.TryLoad(path, null, out var table, out var error), error);
        return table;
    }

    [Fact]
    public void Finds_struct_members_with_offsets_and_bitfields()
    {
        var btf = Load();
        var task = btf.FindStruct("task_struct")!;
        Assert.Equal(BtfKind.Struct, task.Kind);
        Assert.Equal(136u, task.Size);
        var comm = btf.FindMember(task, "comm")!;
        Assert.Equal(36u, comm.ByteOffset);
        Assert.Equal("char[16]", btf.FormatType(comm.TypeId));
        Assert.Equal(16UL, btf.GetSize(comm.TypeId));
        var ptrace = btf.FindMember(task, "ptrace")!;
        Assert.True(ptrace.IsBitfield);
        Assert.Equal(68u, ptrace.BitOffset);
        Assert.Equal(28u, ptrace.BitfieldSize);
        Assert.Equal("unsigned int", btf.FormatType(ptrace.TypeId));
        // A member of an anonymous union is found through it, with the outer offset.
        var ratio = btf.FindMember(task, "ratio")!;
        Assert.Equal(64u, ratio.ByteOffset);
        Assert.Equal("float", btf.FormatType(ratio.TypeId));
        Assert.Null(btf.FindMember(task, "nope"));
        Assert.Same(task, btf.FindStruct("struct task_struct"));
        Assert.Null(btf.FindStruct("union task_struct"));
    }

    [Fact]
    public void Formats_types_as_c()
    {
        var btf = Load();
        var task = btf.FindStruct("task_struct")!;
        string Type(string member) => btf.FormatType(btf.FindMember(task, member)!.TypeId);
        Assert.Equal("volatile long", Type("state"));
        Assert.Equal("struct list_head", Type("tasks"));
        Assert.Equal("pid_t", Type("pid"));
        Assert.Equal("struct mm_struct *", Type("mm"));
        Assert.Equal("const char *", Type("name"));
        Assert.Equal("struct task_struct *", Type("parent"));
        Assert.Equal("u64[3][2]", Type("matrix"));
        Assert.Equal("u64 matrix[2][3]", btf.FormatDeclaration(btf.FindMember(task, "matrix")!.TypeId, "matrix"));
        Assert.Equal("struct task_struct *parent", btf.FormatDeclaration(btf.FindMember(task, "parent")!.TypeId, "parent"));
        Assert.Equal(48UL, btf.GetSize(btf.FindMember(task, "matrix")!.TypeId));
        Assert.Equal(8UL, btf.GetSize(btf.FindMember(task, "mm")!.TypeId));
    }

    [Fact]
    public void Resolves_typedefs_and_qualifiers()
    {
        var btf = Load();
        var pid = btf.FindTypedef("pid_t")!;
        var resolved = btf.Resolve(pid.Id);
        Assert.Equal(BtfKind.Int, resolved.Kind);
        Assert.Equal("int", resolved.Name);
        Assert.True(resolved.IsSignedInt);
        Assert.Equal(4UL, btf.GetSize(pid.Id));
        var u64 = btf.Resolve(btf.FindTypedef("u64")!.Id);
        Assert.False(u64.IsSignedInt);
        Assert.Equal(64, u64.IntBits);
    }

    [Fact]
    public void Finds_function_prototypes()
    {
        var btf = Load();
        var open = btf.FindFunction("do_sys_open")!;
        Assert.Equal("long", btf.FormatType(open.ReturnTypeId));
        Assert.Equal(["int dfd", "const char *filename", "int flags", "unsigned short mode"],
            open.Parameters.Select(p => btf.FormatDeclaration(p.TypeId, p.Name)));
        var count = btf.FindFunction("task_count")!;
        Assert.Equal("struct task_struct * restrict", btf.FormatType(count.Parameters[0].TypeId));
        Assert.Equal("int (*)(int)", btf.FormatType(count.Parameters[1].TypeId));
        Assert.Equal("int (*cb)(int)", btf.FormatDeclaration(count.Parameters[1].TypeId, "cb"));
        Assert.Null(btf.FindFunction("no_such_function"));
    }

    [Fact]
    public void Finds_raw_tracepoint_arguments_without_the_context_pointer()
    {
        var btf = Load();
        var args = btf.GetRawTracepointArguments("sched_switch")!.Value;
        Assert.Equal(["_Bool preempt", "struct task_struct * prev", "struct task_struct * next", "unsigned int prev_state"],
            args.Select(a => $"{btf.FormatType(a.TypeId)} {a.Name}"));
        Assert.Null(btf.GetRawTracepointArguments("sched_nothing"));
        Assert.Equal("void (*)(void *, _Bool, struct task_struct *, struct task_struct *, unsigned int)",
            btf.FormatType(btf.FindTypedef("btf_trace_sched_switch")!.TypeId));
    }

    [Fact]
    public void Decodes_enums_vars_datasecs_and_forwards()
    {
        var btf = Load();
        var state = btf.FindByName("task_state", BtfKind.Enum)!;
        Assert.Equal([new BtfEnumValue("TASK_RUNNING", 0), new BtfEnumValue("TASK_DEAD", 64)], state.EnumValues.ToArray());
        Assert.Equal("enum task_state", btf.FormatType(state.Id));
        var counter = btf.FindByName("counter", BtfKind.Variable)!;
        Assert.Equal("u32", btf.FormatType(counter.TypeId));
        Assert.Equal(1, counter.Linkage);
        var bss = btf.FindByName(".bss", BtfKind.DataSection)!;
        Assert.Contains(bss.Variables, v => v.TypeId == counter.Id && v.Size == 4);
        var mm = btf.FindByName("mm_struct")!;
        Assert.Equal(BtfKind.Forward, mm.Kind);
        Assert.False(mm.IsUnionForward);
        Assert.Null(btf.FindStruct("mm_struct"));
        Assert.Contains(btf.EnumerateNames(BtfKind.Function), f => f.Name == "do_sys_open");
        Assert.Equal(BtfType.Void, btf.GetType(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => btf.GetType(btf.TypeCount));
    }

    [Fact]
    public void Rejects_bad_blobs()
    {
        Assert.False(BtfTypeTable.TryParse([1, 2, 3], null, out _, out var error));
        Assert.Contains("magic", error);
        var good = File.ReadAllBytes(Path.Combine(CatalogFixtures.Directory("basic"), "btf", "vmlinux"));
        Assert.False(BtfTypeTable.TryParse(good[..40], null, out _, out error));
        Assert.Contains("truncated", error);
        Assert.False(BtfTypeTable.TryLoad("/nonexistent/btf", null, out _, out error));
    }

    [Fact]
    public void Corrupted_blobs_never_throw()
    {
        var good = File.ReadAllBytes(Path.Combine(CatalogFixtures.Directory("basic"), "btf", "vmlinux"));
        var random = new Random(12345);
        int parsed = 0;
        for (int round = 0; round < 300; round++)
        {
            var data = (byte[])good.Clone();
            for (int flips = random.Next(1, 8); flips > 0; flips--)
                data[random.Next(24, data.Length)] = (byte)random.Next(256);
            if (!BtfTypeTable.TryParse(data, null, out var btf, out _))
                continue;
            parsed++;
            for (int id = 0; id < btf.TypeCount; id++)
            {
                var type = btf.GetType(id);
                _ = btf.FormatType(id);
                _ = btf.GetSize(id);
                _ = btf.Resolve(id);
                if (type.IsComposite || type.Kind is BtfKind.Enum or BtfKind.Enum64)
                {
                    _ = btf.FormatDefinition(type).ToList();
                    _ = btf.FindMember(type, "comm");
                }
                if (type.Name.Length > 0)
                    _ = btf.FindIdsByName(type.Name).ToList();
            }
            _ = btf.FindFunction("do_sys_open");
            _ = btf.GetRawTracepointArguments("sched_switch");
        }
        Assert.True(parsed > 50, $"only {parsed} corrupted blobs parsed; the test checks too little");
    }

    [Fact]
    public void Reads_split_btf_on_top_of_a_base()
    {
        // A split blob with one type (a pointer to base type 1, "int") and its own string section.
        var baseTable = Load();
        var blob = new List<byte>();
        void U32(uint v) => blob.AddRange(BitConverter.GetBytes(v));
        blob.AddRange(BitConverter.GetBytes((ushort)0xEB9F));
        blob.Add(1);
        blob.Add(0);
        U32(24); // header length
        U32(0); // type offset
        U32(24); // type length: two 12-byte types
        U32(24); // string offset
        U32(10); // string length
        // typedef "myint" -> the base's int; string offsets continue after the base's strings.
        int intId = baseTable.FindByName("int", BtfKind.Int)!.Id;
        uint baseStrings = (uint)File.ReadAllBytes(Path.Combine(CatalogFixtures.Directory("basic"), "btf", "vmlinux")).Skip(20).Take(4).Select((b, i) => (uint)b << (8 * i)).Aggregate((a, b) => a | b);
        U32(baseStrings + 1);
        U32((uint)BtfKind.Typedef << 24);
        U32((uint)intId);
        // pointer -> the typedef just defined
        U32(0);
        U32((uint)BtfKind.Pointer << 24);
        U32((uint)baseTable.TypeCount);
        blob.AddRange("\0myint\0\0\0\0"u8.ToArray());
        Assert.True(BtfTypeTable.TryParse([.. blob], baseTable, out var split, out var error), error);
        Assert.Equal(baseTable.TypeCount, split.FirstTypeId);
        Assert.Equal(baseTable.TypeCount + 2, split.TypeCount);
        var myint = split.FindTypedef("myint")!;
        Assert.Equal("int", split.Resolve(myint.Id).Name);
        Assert.Equal("myint *", split.FormatType(myint.Id + 1));
        Assert.NotNull(split.FindStruct("task_struct"));
        Assert.Equal([intId], split.FindIdsByName("int"));
    }
}
