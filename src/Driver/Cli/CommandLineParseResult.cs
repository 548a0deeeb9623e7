using System.Collections.Immutable;
using BtLang.Diagnostics;

namespace BtLang.Driver.Cli;

/// <summary>The outcome of <see cref="CommandLineParser.Parse"/>.</summary>
public sealed record CommandLineParseResult(
    CommandLineAction Action,
    HelpTopic Topic,
    DriverOptions? Options,
    ImmutableArray<Diagnostic> Diagnostics,
    bool ShowUsage)
{
    /// <summary>True when <see cref="Action"/> is <see cref="CommandLineAction.Execute"/> (then <see cref="Options"/> is set).</summary>
    public bool Succeeded => Action == CommandLineAction.Execute;

    internal static CommandLineParseResult Execute(HelpTopic topic, DriverOptions options, ImmutableArray<Diagnostic> warnings) =>
        new(CommandLineAction.Execute, topic, options, warnings, false);

    internal static CommandLineParseResult Help(HelpTopic topic) =>
        new(CommandLineAction.ShowHelp, topic, null, ImmutableArray<Diagnostic>.Empty, false);

    internal static CommandLineParseResult Version() =>
        new(CommandLineAction.ShowVersion, HelpTopic.Main, null, ImmutableArray<Diagnostic>.Empty, false);

    internal static CommandLineParseResult Fail(HelpTopic topic, Diagnostic error, bool showUsage) =>
        new(CommandLineAction.Fail, topic, null, ImmutableArray.Create(error), showUsage);

    internal static CommandLineParseResult Fail(HelpTopic topic, ImmutableArray<Diagnostic> errors, bool showUsage) =>
        new(CommandLineAction.Fail, topic, null, errors, showUsage);
}
