namespace BtLang.Driver.Cli;

/// <summary>
/// The runtime side of the <c>btlang</c> command: one method per <see cref="DriverMode"/>. Each receives the validated,
/// immutable options and returns the process exit code. The command line layer has already printed help, version and
/// command line errors; a host prints its own diagnostics.
/// </summary>
public interface IDriverHost
{
    /// <summary><see cref="DriverMode.RunProgram"/>: compile <see cref="DriverOptions.Program"/>, load, attach, run.</summary>
    int RunProgram(DriverOptions options);

    /// <summary><see cref="DriverMode.ListProbes"/>: list <see cref="DriverOptions.ListPattern"/> matches, or the probes
    /// of <see cref="DriverOptions.Program"/>.</summary>
    int ListProbes(DriverOptions options);

    /// <summary><see cref="DriverMode.Compile"/>: write <see cref="DriverOptions.ObjectOutputPath"/>.</summary>
    int Compile(DriverOptions options);

    /// <summary><see cref="DriverMode.RunObject"/>: load and run <see cref="DriverOptions.ObjectPath"/>.</summary>
    int RunObject(DriverOptions options);

    /// <summary><see cref="DriverMode.PrintInfo"/>: print system and BPF feature information as bpftrace does.</summary>
    int PrintInfo(DriverOptions options);

    /// <summary><see cref="DriverMode.RunLanguageServer"/>: run <c>btlang-lsp</c> with
    /// <see cref="DriverOptions.LanguageServerArguments"/>.</summary>
    int RunLanguageServer(DriverOptions options);
}
