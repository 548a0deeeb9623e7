using BtLang.Emit.Btf;
using BtLang.Emit.Llvm;

namespace BtLang.Emit.Tests.Llvm;

/// <summary>Owned LLVM objects survive any disposal order, and compilations on several threads stay apart.</summary>
public sealed class LifetimeTests
{
    [Fact]
    public void Disposing_the_context_first_neither_crashes_nor_frees_twice()
    {
        for (int i = 0; i < 20; i++)
        {
            var context = new LlvmContext();
            LlvmModule module = SampleObject.Build(context);
            LlvmBuilder builder = module.CreateBuilder();
            context.Dispose();          // the module, its DIBuilder and the builder still hold the context
            Assert.True(module.EmitObject().Success);
            builder.Dispose();
            module.Dispose();
            module.Dispose();
            context.Dispose();
        }
    }

    [Fact]
    public void Backend_errors_after_the_context_was_disposed_are_still_caught()
    {
        var context = new LlvmContext();
        LlvmModule module = context.CreateModule("late");
        module.EnableDebugInfo("late.bt");
        BpfProgram program = BpfPrograms.Define(module, "late", "tracepoint/syscalls/sys_enter_getpid");
        using (LlvmBuilder b = module.CreateBuilder())
        {
            b.PositionAtEnd(program.Entry);
            LlvmValue buffer = b.Alloca(context.Array(context.I8, 2048));
            b.CallHelper(16, context.I64, [buffer, context.ConstI32(2048)]);
            b.Ret(context.ConstI32(0));
        }

        context.Dispose();
        LlvmEmitResult result = module.EmitObject(); // without the handler LLVM would exit(1) here
        Assert.False(result.Success);
        Assert.Contains("stack limit", Assert.Single(result.Errors).Message);
        module.Dispose();
    }

    [Fact]
    public void Diagnostics_belong_to_their_own_context()
    {
        using var quiet = new LlvmContext();
        using LlvmModule sample = SampleObject.Build(quiet);
        using var noisy = new LlvmContext();
        using LlvmModule big = noisy.CreateModule("big");
        big.EnableDebugInfo("big.bt");
        BpfProgram program = BpfPrograms.Define(big, "big", "tracepoint/syscalls/sys_enter_getpid");
        using LlvmBuilder b = big.CreateBuilder();
        b.PositionAtEnd(program.Entry);
        LlvmValue buffer = b.Alloca(noisy.Array(noisy.I8, 2048));
        b.CallHelper(16, noisy.I64, [buffer, noisy.ConstI32(2048)]);
        b.Ret(noisy.ConstI32(0));

        Assert.False(big.EmitObject().Success);
        Assert.True(sample.EmitObject().Success);
        Assert.Equal(0, quiet.ErrorCount);
        Assert.Equal(1, noisy.ErrorCount);
    }

    [Fact]
    public void Parallel_compilations_including_co_re_produce_identical_objects()
    {
        byte[] Compile(int i)
        {
            using var context = new LlvmContext();
            using LlvmModule module = SampleObject.Build(context);
            if (i % 2 == 1)
            {
                // A CO-RE read in half of them exercises the BPF pass's process-wide cache under the lock.
                LlvmDebugInfo debug = module.DebugInfo!;
                LlvmMetadata task = debug.RelocatableStructType("task_struct", 32, [debug.Member("pid", debug.Int, 32, 0)]);
                LlvmType taskType = context.NamedStruct("struct.task_struct", [context.I32]);
                BpfProgram program = BpfPrograms.Define(module, "btlt_core_pid", "tracepoint/syscalls/sys_enter_getpid");
                using LlvmBuilder b = module.CreateBuilder();
                b.PositionAtEnd(program.Entry);
                LlvmValue address = b.PreserveStructAccess(taskType, b.IntToPtr(b.CallHelper(35, context.I64, [])), 0, 0, task);
                LlvmValue pid = b.Alloca(context.I32);
                b.CallHelper(113, context.I64, [pid, context.ConstI32(4), address]);
                b.Ret(context.ConstI32(0));
            }

            LlvmEmitResult result = module.EmitObject();
            Assert.True(result.Success, string.Join("\n", result.Diagnostics));
            return result.ObjectBytes;
        }

        byte[][] objects = new byte[8][];
        Parallel.For(0, objects.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => objects[i] = Compile(i));
        for (int i = 2; i < objects.Length; i++)
        {
            if (i % 2 == 0)
            {
                Assert.Equal(objects[0], objects[i]);
            }
            else
            {
                Assert.True(ElfSectionReader.TryReadSection(objects[i], ".BTF.ext", out byte[] ext) && ext.Length > 0);
            }
        }
    }
}
