namespace BtLang.Driver.Cli;

/// <summary>How many warnings to print: <c>--no-warnings</c>, the default, or <c>-k</c>.</summary>
public enum WarningLevel
{
    /// <summary><c>--no-warnings</c>: no warning messages at all.</summary>
    None = 0,

    /// <summary>The default: compile-time warnings only.</summary>
    Default = 1,

    /// <summary><c>-k</c> / <c>--warnings</c>: also warn at run time when a helper (probe read, map lookup) fails.</summary>
    RuntimeHelperErrors = 2,
}
