namespace BtLang.Diagnostics;

/// <summary>
/// The stable identity of one kind of diagnostic: its ID (BT0xxx syntax, BT1xxx semantic, BT2xxx emit/verifier,
/// BT3xxx driver/runtime, BT4xxx language server, BT9xxx internal), its default severity and a message format
/// (composite format string).
/// Every layer declares its descriptors as static fields of one class, so tools and the README can list them all.
/// </summary>
public sealed class DiagnosticDescriptor
{
    public DiagnosticDescriptor(string id, DiagnosticSeverity severity, string title, string messageFormat)
    {
        Id = id;
        Severity = severity;
        Title = title;
        MessageFormat = messageFormat;
    }

    public string Id { get; }

    public DiagnosticSeverity Severity { get; }

    /// <summary>A short, argument-free description used in documentation tables.</summary>
    public string Title { get; }

    public string MessageFormat { get; }

    public override string ToString() => Id;
}
