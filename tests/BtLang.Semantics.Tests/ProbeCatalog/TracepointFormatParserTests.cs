using BtLang.Semantics.ProbeCatalog.Tracepoints;

namespace BtLang.Semantics.Tests.ProbeCatalog;

public class TracepointFormatParserTests
{
    private static TracepointEvent ParseFixture(string category, string name)
    {
        string path = Path.Combine(CatalogFixtures.Directory("basic"), "tracing", "events", category, name, "format");
        return TracepointFormatParser.Parse(category, name, File.ReadAllText(path));
    }

    [Fact]
    public void Parses_sys_enter_openat()
    {
        var e = ParseFixture("syscalls", "sys_enter_openat");
        Assert.Equal("syscalls:sys_enter_openat", e.FullName);
        Assert.NotNull(e.Id);
        Assert.Equal(4, e.AllFields.Count(f => f.IsCommon));
        Assert.Equal(
            ["int __syscall_nr", "int dfd", "const char * filename", "int flags", "umode_t mode"],
            e.Fields.Select(f => f.Declaration));
        var filename = e.FindField("filename")!;
        Assert.Equal("const char *", filename.TypeText);
        Assert.True(filename.IsPointer);
        Assert.Equal(24, filename.Offset);
        Assert.Equal(8, filename.Size);
        Assert.False(filename.IsSigned);
        // The format file says "int dfd" with size 8: keep what it says.
        Assert.Equal(8, e.FindField("dfd")!.Size);
        Assert.True(e.FindField("__syscall_nr")!.IsSigned);
        Assert.Null(e.FindField("common_pid"));
        Assert.Equal(48, e.RecordSize);
    }

    [Fact]
    public void Parses_arrays_in_sched_switch()
    {
        var e = ParseFixture("sched", "sched_switch");
        var comm = e.FindField("prev_comm")!;
        Assert.Equal("char", comm.TypeText);
        Assert.Equal(16, comm.ArrayLength);
        Assert.Equal(16, comm.Size);
        Assert.Equal("char prev_comm[16]", comm.Declaration);
        Assert.Equal("pid_t", e.FindField("next_pid")!.TypeText);
    }

    [Fact]
    public void Parses_data_loc_strings()
    {
        var e = ParseFixture("sched", "sched_process_exec");
        var filename = e.FindField("filename")!;
        Assert.True(filename.IsDataLoc);
        Assert.Equal("__data_loc char[]", filename.TypeText);
        Assert.Equal("char", filename.ElementTypeText);
        Assert.Null(filename.ArrayLength);
        Assert.Equal(4, filename.Size);
        Assert.Equal("__data_loc char[] filename", filename.Declaration);
    }

    [Theory]
    [InlineData("field:unsigned long args[6];\toffset:16;\tsize:48;\tsigned:0;", "args", "unsigned long", 6, 16, 48, false)]
    [InlineData("field:int common_pid;\toffset:4;\tsize:4;\tsigned:1;", "common_pid", "int", null, 4, 4, true)]
    [InlineData("field:struct foo *  ptr;\toffset:8;\tsize:8;\tsigned:0;", "ptr", "struct foo *", null, 8, 8, false)]
    [InlineData("field:__rel_loc char[] name;\toffset:8;\tsize:4;\tsigned:0;", "name", "__rel_loc char[]", null, 8, 4, false)]
    public void Parses_field_lines(string line, string name, string type, int? length, int offset, int size, bool signed)
    {
        Assert.True(TracepointFormatParser.TryParseFieldLine(line, out var field));
        Assert.Equal(new TracepointField(name, type, length, offset, size, signed), field);
    }

    [Fact]
    public void Rejects_malformed_lines()
    {
        Assert.False(TracepointFormatParser.TryParseFieldLine("field:;\toffset:0;\tsize:4;", out _));
        Assert.False(TracepointFormatParser.TryParseFieldLine("field:int x;\tsize:4;", out _));
    }
}
