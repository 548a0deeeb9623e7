namespace BtLang.Driver.LibBpf;

/// <summary>A source position quoted by the verifier log from BTF line info (<c>; text @ file:line</c>).</summary>
/// <param name="File">The file name recorded in the object's line info.</param>
/// <param name="Line">1-based line number.</param>
/// <param name="Text">The source text of that line, as recorded.</param>
public sealed record VerifierSourceLine(string File, int Line, string Text);
