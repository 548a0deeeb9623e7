using System.Collections.Immutable;

namespace BtLang.Driver.Cli;

/// <summary>The options <c>btlang</c> accepts: bpftrace's short letters and long names.</summary>
internal static class OptionTable
{
    private const CommandKind MainAndRun = CommandKind.Main | CommandKind.Run;
    private const CommandKind MainAndCompile = CommandKind.Main | CommandKind.Compile;

    public static ImmutableArray<OptionSpec> All { get; } =
    [
        new(OptionId.Program, 'e', null, OptionArgument.Required, MainAndCompile),
        new(OptionId.List, 'l', "list", OptionArgument.None, CommandKind.Main),
        new(OptionId.Verbose, 'v', "verbose", OptionArgument.None, CommandKind.All),
        new(OptionId.Help, 'h', "help", OptionArgument.None, CommandKind.All),
        new(OptionId.Version, 'V', "version", OptionArgument.None, CommandKind.All),
        new(OptionId.Info, '\0', "info", OptionArgument.None, CommandKind.Main),
        new(OptionId.Pid, 'p', "pid", OptionArgument.Required, MainAndRun),
        new(OptionId.Cmd, 'c', "cmd", OptionArgument.Required, MainAndRun),
        new(OptionId.UsdtFileActivation, '\0', "usdt-file-activation", OptionArgument.None, MainAndRun),
        new(OptionId.Output, 'o', "output", OptionArgument.Required, CommandKind.All),
        new(OptionId.Format, 'f', "format", OptionArgument.Required, MainAndRun),
        new(OptionId.Buffering, 'B', null, OptionArgument.Required, MainAndRun),
        new(OptionId.Quiet, 'q', "quiet", OptionArgument.None, CommandKind.All),
        new(OptionId.Warnings, 'k', "warnings", OptionArgument.None, CommandKind.All),
        new(OptionId.NoWarnings, '\0', "no-warnings", OptionArgument.None, CommandKind.All),
        new(OptionId.IncludeDirectory, 'I', null, OptionArgument.Required, MainAndCompile),
        new(OptionId.IncludeFile, '\0', "include", OptionArgument.Required, MainAndCompile),
        new(OptionId.Unsafe, '\0', "unsafe", OptionArgument.None, CommandKind.All),
        new(OptionId.DryRun, '\0', "dry-run", OptionArgument.None, MainAndRun),
        new(OptionId.VerifyLlvmIr, '\0', "verify-llvm-ir", OptionArgument.None, CommandKind.All),
        new(OptionId.Debug, 'd', "debug", OptionArgument.StageList, CommandKind.All),
        new(OptionId.EmitElf, '\0', "emit-elf", OptionArgument.Required, CommandKind.Main),
        new(OptionId.EmitLlvm, '\0', "emit-llvm", OptionArgument.Required, MainAndCompile),
    ];

    public static OptionSpec? FindShort(char letter)
    {
        foreach (var spec in All)
        {
            if (spec.ShortName == letter && letter != '\0')
            {
                return spec;
            }
        }

        return null;
    }
}
