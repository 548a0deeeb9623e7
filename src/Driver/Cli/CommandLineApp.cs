using BtLang.Diagnostics;

namespace BtLang.Driver.Cli;

/// <summary>
/// The <c>btlang</c> entry point without process globals: parse, print help/version/errors, or call the host.
/// The host is created only when a mode actually runs, so that <c>--help</c> and errors stay cheap.
/// </summary>
public static class CommandLineApp
{
    /// <summary>Exit code of every command line error, as in bpftrace.</summary>
    public const int UsageExitCode = 1;

    public static int Run(
        IReadOnlyList<string> args,
        ICommandLineEnvironment environment,
        TextWriter stdout,
        TextWriter stderr,
        Func<IDriverHost> createHost)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        ArgumentNullException.ThrowIfNull(createHost);

        var result = CommandLineParser.Parse(args, environment);
        switch (result.Action)
        {
            case CommandLineAction.ShowHelp:
                stdout.Write(HelpText.For(result.Topic));
                return 0;
            case CommandLineAction.ShowVersion:
                stdout.WriteLine(BuildInfo.VersionLine);
                return 0;
            case CommandLineAction.Fail:
                WriteDiagnostics(stderr, result);
                if (result.ShowUsage)
                {
                    stderr.Write(HelpText.UsageFor(result.Topic));
                }

                return UsageExitCode;
        }

        var options = result.Options!;
        WriteDiagnostics(stderr, result, warnings: options.Warnings != WarningLevel.None); // --no-warnings
        var host = createHost();
        return options.Mode switch
        {
            DriverMode.RunProgram => host.RunProgram(options),
            DriverMode.ListProbes => host.ListProbes(options),
            DriverMode.Compile => host.Compile(options),
            DriverMode.RunObject => host.RunObject(options),
            DriverMode.PrintInfo => host.PrintInfo(options),
            DriverMode.RunLanguageServer => host.RunLanguageServer(options),
            _ => throw new InvalidOperationException($"Unknown mode {options.Mode}."),
        };
    }

    /// <summary>Prints each diagnostic as <c>ERROR: message</c> (or <c>WARNING:</c>) followed by its ID line.</summary>
    private static void WriteDiagnostics(TextWriter stderr, CommandLineParseResult result, bool warnings = true)
    {
        foreach (var diagnostic in result.Diagnostics.Where(d => warnings || d.IsError))
        {
            stderr.Write(DiagnosticFormatter.Format(diagnostic));
        }
    }
}
