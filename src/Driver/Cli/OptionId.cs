namespace BtLang.Driver.Cli;

/// <summary>The command line options, one value per option whatever its spelling.</summary>
internal enum OptionId
{
    Program,
    List,
    Verbose,
    Help,
    Version,
    Info,
    Pid,
    Cmd,
    UsdtFileActivation,
    Output,
    Format,
    Buffering,
    Quiet,
    Warnings,
    NoWarnings,
    IncludeDirectory,
    IncludeFile,
    Unsafe,
    DryRun,
    VerifyLlvmIr,
    Debug,
    EmitElf,
    EmitLlvm,
}
