namespace BtLang.Driver.LibBpf;

/// <summary>A script position found in an object's BTF line info for an instruction the verifier rejected.</summary>
/// <param name="Line">1-based script line.</param>
/// <param name="Column">1-based column (0 when the line info has none).</param>
/// <param name="Text">The text of that script line, as the object records it.</param>
public sealed record VerifierSourcePosition(int Line, int Column, string Text);
