namespace BtLang.Semantics.ProbeCatalog.Elf;

/// <summary>Whether an offset into a function starts an instruction (see <see cref="InstructionBoundaries"/>).</summary>
public enum InstructionBoundary
{
    /// <summary>The offset is where an instruction starts.</summary>
    Start,

    /// <summary>The offset is inside an instruction: a uprobe there would corrupt it.</summary>
    Inside,

    /// <summary>It could not be decided (unreadable file, undecodable bytes, not x86-64).</summary>
    Unknown,
}
