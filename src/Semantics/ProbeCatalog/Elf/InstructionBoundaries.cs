using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Iced.Intel;

namespace BtLang.Semantics.ProbeCatalog.Elf;

/// <summary>
/// Decodes a function's x86-64 machine code from its ELF file (with the Iced decoder) to tell whether an offset
/// into it starts an instruction. A uprobe replaces the first byte at its address with int3, so one placed in the
/// middle of an instruction changes that instruction into something else; bpftrace refuses it the same way.
/// </summary>
public static class InstructionBoundaries
{
    /// <summary>The longest x86 instruction.</summary>
    private const int MaxInstructionLength = 15;

    /// <summary>Whether <paramref name="offset"/> bytes into <paramref name="function"/> of the file <paramref name="path"/> starts an instruction.</summary>
    public static InstructionBoundary Check(string path, ElfFunctionSymbol function, ulong offset) =>
        Check(path, function, offset, out _);

    /// <summary>
    /// As <see cref="Check(string, ElfFunctionSymbol, ulong)"/>; <paramref name="starts"/> gets the offsets of the
    /// instructions decoded before <paramref name="offset"/> and, when it is inside one, of the next instruction.
    /// </summary>
    public static InstructionBoundary Check(string path, ElfFunctionSymbol function, ulong offset, out ImmutableArray<ulong> starts)
    {
        starts = ImmutableArray<ulong>.Empty;
        if (RuntimeInformation.ProcessArchitecture != Architecture.X64 || offset > int.MaxValue - MaxInstructionLength)
        {
            return InstructionBoundary.Unknown;
        }

        byte[] code;
        try
        {
            using var file = File.OpenRead(path);
            int length = (int)offset + MaxInstructionLength;
            if (function.Size > 0)
            {
                length = (int)Math.Min((ulong)length, function.Size);
            }

            code = new byte[length];
            file.Position = (long)function.FileOffset;
            length = file.ReadAtLeast(code, length, throwOnEndOfStream: false);
            Array.Resize(ref code, length);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return InstructionBoundary.Unknown;
        }

        return Check(code, offset, out starts);
    }

    /// <summary>Whether <paramref name="offset"/> into the x86-64 machine code <paramref name="code"/> starts an instruction.</summary>
    public static InstructionBoundary Check(byte[] code, ulong offset, out ImmutableArray<ulong> starts)
    {
        var builder = ImmutableArray.CreateBuilder<ulong>();
        var decoder = Decoder.Create(64, new ByteArrayCodeReader(code), ip: 0);
        while (decoder.IP < offset)
        {
            builder.Add(decoder.IP);
            decoder.Decode(out var instruction);
            if (instruction.IsInvalid)
            {
                starts = builder.ToImmutable();
                return InstructionBoundary.Unknown;
            }
        }

        if (decoder.IP == offset)
        {
            starts = builder.ToImmutable();
            return InstructionBoundary.Start;
        }

        builder.Add(decoder.IP); // the start of the next instruction
        starts = builder.ToImmutable();
        return InstructionBoundary.Inside;
    }
}
