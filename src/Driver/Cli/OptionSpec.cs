namespace BtLang.Driver.Cli;

/// <summary>One option: its short letter (or <c>'\0'</c>), long name (or null), argument and commands it is valid in.</summary>
internal sealed record OptionSpec(OptionId Id, char ShortName, string? LongName, OptionArgument Argument, CommandKind ValidIn)
{
    public bool TakesArgument => Argument != OptionArgument.None;
}
