namespace BtLang.Driver.Cli;

/// <summary>Whether an option takes an argument, getopt style.</summary>
internal enum OptionArgument
{
    /// <summary>A flag: <c>-q</c>, <c>--quiet</c>; <c>--quiet=x</c> is an error.</summary>
    None,

    /// <summary>Required: attached (<c>-fjson</c>, <c>--output=F</c>) or the next argument, whatever it looks like.</summary>
    Required,

    /// <summary>
    /// <c>-d</c> / <c>--debug</c>: bpftrace requires a stage list, older bpftrace took none. An attached value is the
    /// stage list; otherwise the next argument is taken only when it is a stage list, so a bare <c>-d</c> means all.
    /// </summary>
    StageList,
}
