using System.Collections.Immutable;
using System.Globalization;
using BtLang.Diagnostics;
using BtLang.Semantics.Configuration;

namespace BtLang.Driver.Cli;

/// <summary>
/// Turns argv and the environment into validated <see cref="DriverOptions"/>, following bpftrace's command line:
/// <c>btlang [options] script.bt [args...]</c>, <c>-e PROGRAM [args...]</c>, <c>-</c> (stdin), <c>-l [PATTERN]</c>,
/// plus the subcommands <c>compile</c>, <c>run</c> and <c>lsp</c> (recognized only as the first argument).
/// </summary>
public static class CommandLineParser
{
    /// <summary>bpftrace's nominal pid limit on 64-bit systems (the real one is in /proc/sys/kernel/pid_max).</summary>
    private const int MaxPid = 0x400000;

    private const string FullSearch = "*:*";

    public static CommandLineParseResult Parse(IReadOnlyList<string> args, ICommandLineEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(environment);

        if (args.Count > 0 && args[0] == "lsp")
        {
            var options = new DriverOptions
            {
                Mode = DriverMode.RunLanguageServer,
                LanguageServerArguments = args.Skip(1).ToImmutableArray(),
            };
            return CommandLineParseResult.Execute(HelpTopic.Main, options, ImmutableArray<Diagnostic>.Empty);
        }

        var (command, topic, commandName, start) = args.Count > 0 ? args[0] switch
        {
            "compile" => (CommandKind.Compile, HelpTopic.Compile, "btlang compile", 1),
            "run" => (CommandKind.Run, HelpTopic.Run, "btlang run", 1),
            _ => (CommandKind.Main, HelpTopic.Main, "btlang", 0),
        } : (CommandKind.Main, HelpTopic.Main, "btlang", 0);

        if (args.Count == start)
        {
            var message = command switch
            {
                CommandKind.Compile => "USAGE: filename or -e 'program' required.",
                CommandKind.Run => "USAGE: object file required.",
                _ => "USAGE: filename or -e 'program' required.",
            };
            return Usage(topic, CliDiagnostics.MissingProgram, message);
        }

        var state = new ParseState();
        foreach (var item in Getopt.Scan(args, start, command, commandName))
        {
            if (item.Error is { } scanError)
            {
                return CommandLineParseResult.Fail(topic, scanError, showUsage: true);
            }

            if (item.Operand is { } operand)
            {
                state.Operands.Add((operand, item.AfterDoubleDash));
                continue;
            }

            var option = item.Option!;
            switch (option.Id)
            {
                case OptionId.Help:
                    return CommandLineParseResult.Help(topic);
                case OptionId.Version:
                    return CommandLineParseResult.Version();
                case OptionId.Info:
                    return CommandLineParseResult.Execute(
                        topic, state.Options with { Mode = DriverMode.PrintInfo }, ImmutableArray<Diagnostic>.Empty);
            }

            if (Apply(state, option, item.Value!, item.Spelling) is { } error)
            {
                return CommandLineParseResult.Fail(topic, error, showUsage: true);
            }
        }

        if (state.Options.Command is not null && state.Options.Pid is not null)
        {
            return Usage(topic, CliDiagnostics.ConflictingOptions, "USAGE: Cannot use both -c and -p.");
        }

        var result = command switch
        {
            CommandKind.Compile => FinishCompile(state, environment),
            CommandKind.Run => FinishRun(state, environment),
            _ => FinishMain(state, environment),
        };
        if (result.Error is { } finishError)
        {
            return CommandLineParseResult.Fail(topic, finishError, result.ShowUsage);
        }

        return WithEnvironment(topic, result.Options!, environment, result.Warning);
    }

    private static CommandLineParseResult WithEnvironment(
        HelpTopic topic, DriverOptions options, ICommandLineEnvironment environment, Diagnostic? argumentWarning)
    {
        var config = ConfigSettings.FromEnvironment(environment.GetEnvironmentVariable, out var configErrors, out var configWarnings);
        if (!configErrors.IsEmpty)
        {
            var errors = configErrors
                .Select(e => Diagnostic.Create(e.Descriptor, Location.None, e.Message))
                .ToImmutableArray();
            return CommandLineParseResult.Fail(topic, errors, showUsage: false);
        }

        var warnings = configWarnings
            .Select(w => Diagnostic.Create(CliDiagnostics.EnvironmentWarning, Location.None, w))
            .ToImmutableArray();
        if (argumentWarning is not null)
        {
            warnings = warnings.Insert(0, argumentWarning);
        }

        options = options with
        {
            Config = config,
            NotifyProbesAttached =
                environment.GetEnvironmentVariable("__BPFTRACE_NOTIFY_PROBES_ATTACHED") is not null ||
                environment.GetEnvironmentVariable("__BTLANG_NOTIFY_PROBES_ATTACHED") is not null,
            NotifyAotPortabilityDisabled =
                environment.GetEnvironmentVariable("__BPFTRACE_NOTIFY_AOT_PORTABILITY_DISABLED") is not null,
        };
        return CommandLineParseResult.Execute(topic, options, warnings);
    }

    /// <summary>Applies one option in argv order; returns an error for a bad value or a conflict.</summary>
    private static Diagnostic? Apply(ParseState state, OptionSpec option, string? value, string spelling)
    {
        var o = state.Options;
        switch (option.Id)
        {
            case OptionId.Program:
                // As in bpftrace, an empty -e counts as no -e.
                state.InlineProgram = value!.Length == 0 ? null : value;
                break;
            case OptionId.List:
                state.Listing = true;
                break;
            case OptionId.Verbose:
                state.Options = o with { Verbose = true };
                break;
            case OptionId.Quiet:
                state.Options = o with { Quiet = true };
                break;
            case OptionId.Unsafe:
                state.Options = o with { Unsafe = true };
                break;
            case OptionId.DryRun:
                state.Options = o with { DryRun = true };
                break;
            case OptionId.VerifyLlvmIr:
                state.Options = o with { VerifyLlvmIr = true };
                break;
            case OptionId.UsdtFileActivation:
                state.Options = o with { UsdtFileActivation = true };
                break;
            case OptionId.Pid:
                if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int pid))
                {
                    return value!.Length > 0 && value.All(char.IsAsciiDigit)
                        ? Error(CliDiagnostics.InvalidOptionValue, $"Pid out of range: {value}")
                        : Error(CliDiagnostics.InvalidOptionValue, $"Failed to parse pid: '{value}' is not a number");
                }

                if (pid > MaxPid)
                {
                    return Error(CliDiagnostics.InvalidOptionValue, $"Pid out of range: {value}");
                }

                state.Options = o with { Pid = pid };
                break;
            case OptionId.Cmd:
                // As in bpftrace, an empty -c counts as no -c.
                state.Options = o with { Command = value!.Length == 0 ? null : value };
                break;
            case OptionId.Output:
                state.Output = value;
                break;
            case OptionId.Format:
                switch (value)
                {
                    case "text":
                        state.Options = o with { Format = OutputFormat.Text };
                        break;
                    case "json":
                        state.Options = o with { Format = OutputFormat.Json };
                        break;
                    default:
                        return Error(CliDiagnostics.InvalidOptionValue,
                            $"Invalid output format \"{value}\". Valid formats: 'text', 'json'");
                }

                break;
            case OptionId.Buffering:
                switch (value)
                {
                    case "line":
                        state.Options = o with { Buffering = OutputBuffering.Line };
                        break;
                    case "full":
                        state.Options = o with { Buffering = OutputBuffering.Full };
                        break;
                    case "none":
                        state.Options = o with { Buffering = OutputBuffering.None };
                        break;
                    default:
                        return Error(CliDiagnostics.InvalidOptionValue,
                            "USAGE: -B must be either 'line', 'full', or 'none'.");
                }

                break;
            case OptionId.Warnings:
                if (o.Warnings == WarningLevel.RuntimeHelperErrors)
                {
                    return Error(CliDiagnostics.InvalidOptionValue,
                        "USAGE: -kk has been deprecated. Use a single -k for runtime warnings for errors in map " +
                        "lookups and probe reads.");
                }

                if (o.Warnings == WarningLevel.None)
                {
                    return Error(CliDiagnostics.ConflictingOptions, "USAGE: -k, --warnings conflicts with --no-warnings");
                }

                state.Options = o with { Warnings = WarningLevel.RuntimeHelperErrors };
                break;
            case OptionId.NoWarnings:
                if (o.Warnings == WarningLevel.RuntimeHelperErrors)
                {
                    return Error(CliDiagnostics.ConflictingOptions, "USAGE: -k, --warnings conflicts with --no-warnings");
                }

                state.Options = o with { Warnings = WarningLevel.None };
                break;
            case OptionId.IncludeDirectory:
                state.Options = o with { IncludeDirectories = o.IncludeDirectories.Add(value!) };
                break;
            case OptionId.IncludeFile:
                state.Options = o with { IncludeFiles = o.IncludeFiles.Add(value!) };
                break;
            case OptionId.Debug:
                DebugStages stages;
                if (value is null || value == "d")
                {
                    // A bare -d, and bpftrace 0.17's -dd, mean every stage.
                    stages = DebugStages.All;
                }
                else if (!DebugStageNames.TryParse(value, out stages, out var bad))
                {
                    return Error(CliDiagnostics.InvalidOptionValue, $"USAGE: invalid option for -d: {bad}");
                }

                state.Options = o with { Debug = o.Debug | stages };
                break;
            case OptionId.EmitElf:
                state.Options = o with { EmitElfPath = value };
                break;
            case OptionId.EmitLlvm:
                state.Options = o with { EmitLlvmPath = value };
                break;
            default:
                throw new InvalidOperationException($"Unhandled option {option.Id} ({spelling}).");
        }

        return null;
    }

    private static FinishResult FinishMain(ParseState state, ICommandLineEnvironment environment)
    {
        var options = state.Options with { OutputFile = state.Output };
        var operands = state.Operands;
        if (state.Listing)
        {
            options = options with { Mode = DriverMode.ListProbes };
            if (state.InlineProgram is { } inline)
            {
                return operands.Count > 0
                    ? FinishResult.Failed(UnexpectedOperand(operands[0].Text))
                    : FinishResult.Ok(options with { Program = Inline(inline) });
            }

            if (operands.Count > 1)
            {
                return FinishResult.Failed(UnexpectedOperand(operands[1].Text));
            }

            if (operands.Count == 0 || operands[0].Text == "*")
            {
                return FinishResult.Ok(options with { ListPattern = FullSearch });
            }

            var candidate = operands[0].Text;
            if (!environment.PathExists(candidate))
            {
                var result = FinishResult.Ok(options with { ListPattern = candidate });
                return candidate.Contains('.', StringComparison.Ordinal) && candidate.IndexOfAny([':', '*']) < 0
                    ? result with { Warning = Diagnostic.Create(CliDiagnostics.ListPatternLooksLikeAFile, Location.None, candidate) }
                    : result;
            }

            return ReadScript(environment, candidate, out var listed) is { } listError
                ? FinishResult.Failed(listError)
                : FinishResult.Ok(options with { Program = listed });
        }

        options = options with { Mode = DriverMode.RunProgram };
        return WithProgramAndParameters(state, options, environment);
    }

    private static FinishResult FinishCompile(ParseState state, ICommandLineEnvironment environment)
    {
        var result = WithProgramAndParameters(state, state.Options with { Mode = DriverMode.Compile }, environment);
        if (result.Options is not { } options)
        {
            return result;
        }

        var output = state.Output;
        if (output is null)
        {
            if (options.Program!.FilePath is not { } path || string.Equals(Path.GetExtension(path), ".o", StringComparison.Ordinal))
            {
                return FinishResult.Failed(Error(CliDiagnostics.MissingOptionArgument,
                    "USAGE: -o FILE is required when the program does not come from a .bt file"));
            }

            output = Path.ChangeExtension(path, ".o");
        }

        return FinishResult.Ok(options with { ObjectOutputPath = output });
    }

    private static FinishResult FinishRun(ParseState state, ICommandLineEnvironment environment)
    {
        var operands = state.Operands;
        if (operands.Count == 0)
        {
            return FinishResult.Failed(Error(CliDiagnostics.MissingProgram, "USAGE: object file required."));
        }

        if (operands.Count > 1)
        {
            return FinishResult.Failed(UnexpectedOperand(operands[1].Text));
        }

        var path = operands[0].Text;
        if (!environment.PathExists(path))
        {
            return FinishResult.Failed(Diagnostic.Create(CliDiagnostics.CannotReadFile, Location.None, path, "No such file or directory"));
        }

        return FinishResult.Ok(state.Options with { Mode = DriverMode.RunObject, ObjectPath = path, OutputFile = state.Output });
    }

    /// <summary>Reads the program (-e, a file or stdin) and splits the remaining operands into parameters.</summary>
    private static FinishResult WithProgramAndParameters(ParseState state, DriverOptions options, ICommandLineEnvironment environment)
    {
        var operands = state.Operands;
        int next = 0;
        ProgramSource program;
        if (state.InlineProgram is { } inline)
        {
            program = Inline(inline);
        }
        else if (operands.Count == 0)
        {
            return FinishResult.Failed(Error(CliDiagnostics.MissingProgram, "USAGE: filename or -e 'program' required."));
        }
        else
        {
            next = 1;
            var name = operands[0].Text;
            if (name == "-")
            {
                program = new ProgramSource(ProgramSourceKind.StandardInput, ProgramSource.StdinName, environment.ReadStandardInput());
            }
            else if (ReadScript(environment, name, out var script) is { } readError)
            {
                return FinishResult.Failed(readError);
            }
            else
            {
                program = script!;
            }
        }

        var positional = ImmutableArray.CreateBuilder<string>();
        var named = ImmutableArray.CreateBuilder<string>();
        for (int i = next; i < operands.Count; i++)
        {
            var (text, afterDoubleDash) = operands[i];
            if (afterDoubleDash && text.Length > 2 && text.StartsWith("--", StringComparison.Ordinal))
            {
                named.Add(text[2..]);
            }
            else
            {
                positional.Add(text);
            }
        }

        return FinishResult.Ok(options with
        {
            Program = program,
            PositionalParameters = positional.ToImmutable(),
            NamedParameters = named.ToImmutable(),
            OutputFile = options.Mode == DriverMode.Compile ? null : state.Output,
        });
    }

    private static Diagnostic? ReadScript(ICommandLineEnvironment environment, string path, out ProgramSource? program)
    {
        if (environment.TryReadAllText(path, out var text, out var reason))
        {
            program = new ProgramSource(ProgramSourceKind.File, path, text);
            return null;
        }

        program = null;
        return Diagnostic.Create(CliDiagnostics.CannotReadFile, Location.None, path, reason);
    }

    private static ProgramSource Inline(string text) => new(ProgramSourceKind.CommandLine, ProgramSource.StdinName, text);

    private static Diagnostic UnexpectedOperand(string text) =>
        Error(CliDiagnostics.UnexpectedArgument, $"USAGE: unexpected argument '{text}'");

    private static CommandLineParseResult Usage(HelpTopic topic, DiagnosticDescriptor descriptor, string message) =>
        CommandLineParseResult.Fail(topic, Error(descriptor, message), showUsage: true);

    private static Diagnostic Error(DiagnosticDescriptor descriptor, string message) =>
        Diagnostic.Create(descriptor, Location.None, message);

    private sealed class ParseState
    {
        public DriverOptions Options { get; set; } = new();

        public string? InlineProgram { get; set; }

        public string? Output { get; set; }

        public bool Listing { get; set; }

        public List<(string Text, bool AfterDoubleDash)> Operands { get; } = [];
    }

    private sealed record FinishResult(DriverOptions? Options, Diagnostic? Error, bool ShowUsage)
    {
        public Diagnostic? Warning { get; init; }

        public static FinishResult Ok(DriverOptions options) => new(options, null, false);

        public static FinishResult Failed(Diagnostic error) => new(null, error, true);
    }
}
