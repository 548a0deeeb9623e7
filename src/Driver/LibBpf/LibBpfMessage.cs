namespace BtLang.Driver.LibBpf;

/// <summary>One line (or block) libbpf printed, without its trailing newline.</summary>
public sealed record LibBpfMessage(LibBpfLogLevel Level, string Text)
{
    public override string ToString() => $"libbpf {Level}: {Text}";
}
