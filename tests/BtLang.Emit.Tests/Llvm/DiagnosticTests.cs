using BtLang.Emit.Btf;
using BtLang.Emit.Llvm;

namespace BtLang.Emit.Tests.Llvm;

/// <summary>LLVM failures come back as values (verifier messages, diagnostics), never as a dead process.</summary>
public sealed class DiagnosticTests
{
    [Fact]
    public void Exceeding_the_bpf_stack_is_reported_as_an_error_and_the_process_lives_on()
    {
        using var context = new LlvmContext();
        using LlvmModule module = context.CreateModule("big_stack");
        module.EnableDebugInfo("big.bt");
        BpfPrograms.AddLicense(module);
        BpfProgram program = BpfPrograms.Define(module, "big", "tracepoint/syscalls/sys_enter_getpid", line: 1);
        using LlvmBuilder b = module.CreateBuilder();
        b.PositionAtEnd(program.Entry);
        b.SetLocation(7, 5, program.Subprogram);
        LlvmValue buffer = b.Alloca(context.Array(context.I8, 1024), "buffer");
        b.Zero(buffer, 1024);
        // bpf_get_current_comm(buffer, 1024): the buffer escapes, so it cannot be optimised away.
        b.CallHelper(16, context.I64, [buffer, context.ConstI32(1024)]);
        b.Ret(context.ConstI32(0));
        Assert.Null(module.Verify());

        LlvmEmitResult result = module.EmitObject();

        Assert.False(result.Success);
        Assert.Null(result.ObjectBytes);
        LlvmDiagnostic error = Assert.Single(result.Errors);
        Assert.Contains("stack limit", error.Message);
        Assert.Equal(7, error.Line);
        Assert.Equal(5, error.Column);
        Assert.Equal("big", error.Function);
        Assert.StartsWith("Looks like the BPF stack limit", error.Text);
        Assert.Contains(error, context.Diagnostics);
        Assert.Equal(1, context.ErrorCount);
    }

    [Theory]
    [InlineData("<unknown>:0:0: in function f i32 (ptr): A call to built-in function 'memcpy' is not supported.", null, null, "f", "A call to built-in function 'memcpy' is not supported.")]
    [InlineData("stdin:12:3: in function bt_p0 i32 (ptr, i64): too big", 12, 3, "bt_p0", "too big")]
    [InlineData("/tmp/a b/x.bt:2:0: 39 instructions in function", 2, null, null, "39 instructions in function")]
    [InlineData("plain message", null, null, null, "plain message")]
    public void Locations_and_functions_are_taken_apart(string message, int? line, int? column, string? function, string text)
    {
        var diagnostic = new LlvmDiagnostic(LlvmDiagnosticSeverity.Error, message);
        Assert.Equal(line, diagnostic.Line);
        Assert.Equal(column, diagnostic.Column);
        Assert.Equal(function, diagnostic.Function);
        Assert.Equal(text, diagnostic.Text);
    }

    [Fact]
    public void A_block_without_terminator_fails_verification_with_llvms_message()
    {
        using var context = new LlvmContext();
        using LlvmModule module = context.CreateModule("broken");
        LlvmValue function = module.AddFunction("f", context.Function(context.I32, []));
        using LlvmBuilder b = module.CreateBuilder();
        b.PositionAtEnd(module.AppendBlock(function, "entry"));
        b.Add(context.ConstI32(1), context.ConstI32(2));

        string? message = module.Verify();

        Assert.NotNull(message);
        Assert.Contains("does not have terminator", message);
    }

    [Fact]
    public void A_type_mismatch_fails_verification()
    {
        using var context = new LlvmContext();
        using LlvmModule module = context.CreateModule("mismatch");
        LlvmValue function = module.AddFunction("f", context.Function(context.I64, []));
        using LlvmBuilder b = module.CreateBuilder();
        b.PositionAtEnd(module.AppendBlock(function, "entry"));
        b.Ret(context.ConstI32(1)); // returns i32 from an i64 function

        Assert.NotNull(module.Verify());
    }

    [Fact]
    public void An_unknown_pass_pipeline_is_reported()
    {
        using var context = new LlvmContext();
        using LlvmModule module = context.CreateModule("passes");
        string? error = module.Optimize("no-such-pass");
        Assert.NotNull(error);
        Assert.Contains("no-such-pass", error);
    }
}
