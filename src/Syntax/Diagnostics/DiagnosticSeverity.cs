namespace BtLang.Diagnostics;

/// <summary>How serious a diagnostic is. Errors stop the pipeline; warnings do not.</summary>
public enum DiagnosticSeverity
{
    Hidden = 0,
    Info = 1,
    Warning = 2,
    Error = 3,
}
