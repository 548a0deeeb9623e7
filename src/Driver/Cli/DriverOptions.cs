using System.Collections.Immutable;
using BtLang.Semantics.Configuration;

namespace BtLang.Driver.Cli;

/// <summary>
/// Everything one <c>btlang</c> invocation asks for, validated: the result of turning argv and the environment into
/// options. The runtime reads it and never looks at argv or at the configuration environment variables again.
/// Immutable; <c>with</c> expressions make changed copies.
/// </summary>
public sealed record DriverOptions
{
    /// <summary>Which <see cref="IDriverHost"/> method runs.</summary>
    public DriverMode Mode { get; init; }

    /// <summary>The program (<c>-e</c>, a script file, or <c>-</c>): set for <see cref="DriverMode.RunProgram"/> and
    /// <see cref="DriverMode.Compile"/>, and for <see cref="DriverMode.ListProbes"/> when a program's probes are
    /// listed (<c>-l script.bt</c>, <c>-l -e PROGRAM</c>).</summary>
    public ProgramSource? Program { get; init; }

    /// <summary>For <see cref="DriverMode.ListProbes"/> without a program: the search pattern as given, <c>*:*</c> when
    /// none (or <c>*</c>) was given. Null otherwise. The runtime applies bpftrace's matching rules (comma-separated
    /// patterns; a pattern without <c>:</c> matches <c>*:PATTERN</c>; <c>struct NAME</c> prints a type).</summary>
    public string? ListPattern { get; init; }

    /// <summary>For <see cref="DriverMode.RunObject"/>: the object file to run (known to exist).</summary>
    public string? ObjectPath { get; init; }

    /// <summary>For <see cref="DriverMode.Compile"/>: where the object goes (<c>-o</c>; by default the script's path
    /// with the extension <c>.o</c>).</summary>
    public string? ObjectOutputPath { get; init; }

    /// <summary>Positional parameters after the program: <c>$1</c>, <c>$2</c>, ...; <c>$#</c> is the count.</summary>
    public ImmutableArray<string> PositionalParameters { get; init; } = ImmutableArray<string>.Empty;

    /// <summary>Named parameters after <c>--</c> (<c>-- --name=value</c>), without the leading dashes.</summary>
    public ImmutableArray<string> NamedParameters { get; init; } = ImmutableArray<string>.Empty;

    /// <summary><c>-v</c> / <c>--verbose</c>; with <c>-l</c>, also show probe arguments.</summary>
    public bool Verbose { get; init; }

    /// <summary><c>-q</c> / <c>--quiet</c>: no <c>Attached N probes</c> line and similar messages.</summary>
    public bool Quiet { get; init; }

    /// <summary><c>-f text|json</c>.</summary>
    public OutputFormat Format { get; init; } = OutputFormat.Text;

    /// <summary><c>-o FILE</c> / <c>--output FILE</c> in run modes: program output goes to this file (null: stdout).</summary>
    public string? OutputFile { get; init; }

    /// <summary><c>-B line|full|none</c>.</summary>
    public OutputBuffering Buffering { get; init; } = OutputBuffering.Line;

    /// <summary><c>-d STAGE[,STAGE...]</c> / <c>--debug</c>; a bare <c>-d</c> means all stages.</summary>
    public DebugStages Debug { get; init; } = DebugStages.None;

    /// <summary><c>--dry-run</c>: compile, load and attach, then exit right away.</summary>
    public bool DryRun { get; init; }

    /// <summary><c>--unsafe</c>: allow destructive builtins (<c>system</c>, <c>signal</c>, <c>override</c>, ...).</summary>
    public bool Unsafe { get; init; }

    /// <summary><c>-c CMD</c> / <c>--cmd CMD</c>: the command to start and trace (null: none).</summary>
    public string? Command { get; init; }

    /// <summary><c>-p PID</c> / <c>--pid PID</c>: the process to trace (null: none). Only its syntax and range are
    /// checked here; the runtime reports a process that does not exist.</summary>
    public int? Pid { get; init; }

    /// <summary><c>-I DIR</c>, in order.</summary>
    public ImmutableArray<string> IncludeDirectories { get; init; } = ImmutableArray<string>.Empty;

    /// <summary><c>--include FILE</c>, in order.</summary>
    public ImmutableArray<string> IncludeFiles { get; init; } = ImmutableArray<string>.Empty;

    /// <summary><c>-k</c> / <c>--warnings</c> and <c>--no-warnings</c>.</summary>
    public WarningLevel Warnings { get; init; } = WarningLevel.Default;

    /// <summary><c>--usdt-file-activation</c>: activate USDT semaphores by file path.</summary>
    public bool UsdtFileActivation { get; init; }

    /// <summary><c>--emit-elf FILE</c>: write the BPF object to FILE and stop (dry run).</summary>
    public string? EmitElfPath { get; init; }

    /// <summary><c>--emit-llvm FILE</c>: write FILE.original.ll and FILE.optimized.ll.</summary>
    public string? EmitLlvmPath { get; init; }

    /// <summary><c>--verify-llvm-ir</c>: accepted like bpftrace; the emitter always verifies the IR (see <c>EmitOptions.VerifyIr</c>).</summary>
    public bool VerifyLlvmIr { get; init; }

    /// <summary>Configuration variables from the environment; the compiler merges the script's config block into
    /// it with <see cref="ConfigSettings.ApplyScriptConfig"/>.</summary>
    public ConfigSettings Config { get; init; } = ConfigSettings.Default;

    /// <summary><c>__BPFTRACE_NOTIFY_PROBES_ATTACHED</c> (or <c>__BTLANG_NOTIFY_PROBES_ATTACHED</c>) is set: once every
    /// probe is attached the runtime prints the line <c>__BPFTRACE_NOTIFY_PROBES_ATTACHED</c> on stdout.</summary>
    public bool NotifyProbesAttached { get; init; }

    /// <summary><c>__BPFTRACE_NOTIFY_AOT_PORTABILITY_DISABLED</c> is set (bpftrace's test harness sets it).</summary>
    public bool NotifyAotPortabilityDisabled { get; init; }

    /// <summary>For <see cref="DriverMode.RunLanguageServer"/>: the arguments after <c>lsp</c>, passed on unchanged.</summary>
    public ImmutableArray<string> LanguageServerArguments { get; init; } = ImmutableArray<string>.Empty;
}
