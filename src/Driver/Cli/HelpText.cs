namespace BtLang.Driver.Cli;

/// <summary>
/// The help texts, laid out like bpftrace's (USAGE, OPTIONS, TROUBLESHOOTING OPTIONS, ENVIRONMENT, EXAMPLES), and the
/// short usage printed after a command line error. Tests check that every option and variable is mentioned.
/// </summary>
public static class HelpText
{
    /// <summary>The full text for <paramref name="topic"/>, ending with a newline.</summary>
    public static string For(HelpTopic topic) => topic switch
    {
        HelpTopic.Compile => Compile,
        HelpTopic.Run => Run,
        _ => Main,
    };

    /// <summary>The synopsis printed after an error, with a pointer to the full help.</summary>
    public static string UsageFor(HelpTopic topic) => topic switch
    {
        HelpTopic.Compile => CompileUsage + "Try 'btlang compile --help' for more information.\n",
        HelpTopic.Run => RunUsage + "Try 'btlang run --help' for more information.\n",
        _ => MainUsage + "Try 'btlang --help' for more information.\n",
    };

    private const string MainUsage = """
        USAGE:
            btlang [options] filename [args...]
            btlang [options] - <stdin input>
            btlang [options] -e 'program' [args...]
            btlang -l [search|filename]
            btlang compile [options] filename|-e 'program' -o file.o
            btlang run [options] file.o
            btlang lsp [args...]
            use -- after filename/-e 'program' for named script parameters

        """;

    private const string CompileUsage = """
        USAGE:
            btlang compile [options] filename [args...] [-o file.o]
            btlang compile [options] -e 'program' [args...] -o file.o
            btlang compile [options] - -o file.o <stdin input>

        """;

    private const string RunUsage = """
        USAGE:
            btlang run [options] file.o

        """;

    private static string Main { get; } =
        "btlang - a bpftrace-compatible tracing language for Linux powered by BPF\n\n" + MainUsage + """

        OPTIONS:
            -e 'program'   execute this program
            -l, --list [search|filename]
                           list kernel probes or probes in a program
            -v, --verbose  enable verbose messages; with -l, also show probe arguments
            -h, --help     show this help message
            -V, --version  btlang version and the bpftrace language version it follows
            --info         print information about kernel BPF support

            -p, --pid PID  filter actions and enable USDT probes on PID
            -c, --cmd CMD  run CMD and enable USDT probes on resulting process
            --usdt-file-activation
                           activate usdt semaphores based on file path

            -o, --output FILE
                           redirect program output to FILE
            -f, --format FORMAT
                           output format ('text', 'json')
            -B MODE        output buffering mode ('line', 'full', 'none')
            -q, --quiet    keep messages quiet
            -k, --warnings emit a warning when probe read helpers return an error
            --no-warnings  disable all warning messages

            -I DIR         add the directory to the include search path
            --include FILE add an #include file before preprocessing

            --unsafe       allow unsafe/destructive functionality

        TROUBLESHOOTING OPTIONS:
            --dry-run      compile and load the programs, then exit without attaching them
            --verify-llvm-ir
                           accepted for bpftrace compatibility (the IR is always verified)
            -d, --debug [STAGE[,STAGE...]]
                           debug info for various stages of execution
                           ('all', 'ast', 'types', 'codegen', 'codegen-opt', 'libbpf', 'verifier');
                           a bare -d means 'all'
            --emit-elf FILE
                           (dry run) generate ELF file with bpf programs and write to FILE
            --emit-llvm FILE
                           write the LLVM IR (before optimisation) to FILE

        COMMANDS:
            compile        compile a script to a self-describing BPF object (see 'btlang compile --help')
            run            load and run a compiled object (see 'btlang run --help')
            lsp            run the language server (btlang-lsp) on stdin/stdout

        """ + "\n" + Environment + "\n" + """

        EXAMPLES:
            btlang -e 'tracepoint:syscalls:sys_enter_openat { printf("%s %s\n", comm, str(args.filename)); }'
                trace file opens with process name and path
            btlang -e 'tracepoint:raw_syscalls:sys_enter { @[comm] = count(); }'
                count syscalls by process name
            btlang -e 'profile:hz:99 { @[kstack] = count(); }'
                profile kernel stacks at 99 Hertz
            btlang -e 'tracepoint:block:block_rq_issue { @ = hist(args.bytes); }'
                histogram of block I/O request sizes
            btlang -p 1337 -e 'uprobe:libc:malloc { @[ustack] = count(); }'
                count malloc calls by user stack for a specific process
            btlang -c 'ls /tmp' -e 'tracepoint:syscalls:sys_enter_openat /pid == cpid/ { @ = count(); }'
                run a command and trace only it
            btlang -f json -q -e 'interval:s:1 { @ = count(); print(@); }'
                print JSON lines without the banner
            btlang -l 'tracepoint:syscalls:*open*'
                list probes containing "open"
            btlang -lv 'tracepoint:syscalls:sys_enter_openat'
                show the arguments of a tracepoint
            btlang compile x.bt -o x.o && btlang run x.o
                compile once, run the object later (no source needed)

        """;

    private static string Compile { get; } =
        "btlang compile - compile a program to a self-describing BPF object\n\n" + CompileUsage + """

            The object holds everything 'btlang run' needs (probes, formats, map kinds), so it runs without the
            source. Positional parameters ($1, $#) are fixed at compile time. Without -o, 'x.bt' compiles to 'x.o'.

        OPTIONS:
            -e 'program'   compile this program
            -o, --output FILE
                           write the object to FILE
            -I DIR         add the directory to the include search path
            --include FILE add an #include file before preprocessing
            --unsafe       allow unsafe/destructive functionality
            -k, --warnings emit a warning when probe read helpers return an error
            --no-warnings  disable all warning messages
            -q, --quiet    keep messages quiet
            -v, --verbose  enable verbose messages
            -h, --help     show this help message
            -V, --version  btlang version

        TROUBLESHOOTING OPTIONS:
            --verify-llvm-ir
                           accepted for bpftrace compatibility (the IR is always verified)
            -d, --debug [STAGE[,STAGE...]]
                           debug info ('all', 'ast', 'types', 'codegen', 'codegen-opt'); a bare -d means 'all'
            --emit-llvm FILE
                           write the LLVM IR (before optimisation) to FILE

        EXAMPLES:
            btlang compile opens.bt -o opens.o
            btlang compile -e 'BEGIN { printf("hello\n"); exit(); }' -o hello.o

        """;

    private static string Run { get; } =
        "btlang run - load and run a compiled BPF object\n\n" + RunUsage + """

        OPTIONS:
            -p, --pid PID  filter actions and enable USDT probes on PID
            -c, --cmd CMD  run CMD and enable USDT probes on resulting process
            --usdt-file-activation
                           activate usdt semaphores based on file path
            -o, --output FILE
                           redirect program output to FILE
            -f, --format FORMAT
                           output format ('text', 'json')
            -B MODE        output buffering mode ('line', 'full', 'none')
            -q, --quiet    keep messages quiet
            -k, --warnings emit a warning when probe read helpers return an error
            --no-warnings  disable all warning messages
            --unsafe       allow unsafe/destructive functionality
            -v, --verbose  enable verbose messages
            -h, --help     show this help message
            -V, --version  btlang version

        TROUBLESHOOTING OPTIONS:
            --dry-run      compile and load the programs, then exit without attaching them
            --verify-llvm-ir
                           accepted for harness compatibility (the IR was checked when compiling)
            -d, --debug [STAGE[,STAGE...]]
                           debug info ('all', 'libbpf', 'verifier'); a bare -d means 'all'

        EXAMPLES:
            btlang run opens.o
            btlang run -f json -c 'cat /etc/hostname' opens.o

        """;

    private const string Environment = """
        ENVIRONMENT:
            Each variable can be set as BTLANG_<NAME> or BPFTRACE_<NAME> (BTLANG_ wins when both are set).
            Those marked * can also be set in the script's config = { } block (lower case, without the prefix);
            the environment wins over the config block.
            BPFTRACE_MAX_STRLEN         * [default: 1024] bytes per string (old name BPFTRACE_STRLEN)
            BPFTRACE_MAX_MAP_KEYS       * [default: 4096] max keys in a map (old name BPFTRACE_MAP_KEYS_MAX)
            BPFTRACE_MAX_PROBES         * [default: 1024] max number of probes
            BPFTRACE_MAX_BPF_PROGS      * [default: 1024] max number of generated BPF programs
            BPFTRACE_MAX_CAT_BYTES      * [default: 10240] max bytes read by cat (old name BPFTRACE_CAT_BYTES_MAX)
            BPFTRACE_LOG_SIZE           * [default: 1000000] verifier log size in bytes
            BPFTRACE_PERF_RB_PAGES      * [default: 64] pages per CPU for the event buffer
            BPFTRACE_ON_STACK_LIMIT     * [default: 32] largest value kept on the BPF stack, in bytes
            BPFTRACE_STACK_MODE         * [default: bpftrace] kstack/ustack output: bpftrace, perf, raw
            BPFTRACE_MISSING_PROBES     * [default: warn] probes that match nothing: ignore, warn, error
            BPFTRACE_PRINT_MAPS_ON_EXIT * [default: 1] print all maps at exit
            BPFTRACE_CPP_DEMANGLE       * [default: 1] demangle C++ symbols (BPFTRACE_NO_CPP_DEMANGLE=1 disables)
            BPFTRACE_CACHE_USER_SYMBOLS * [default: auto] PER_PID, PER_PROGRAM or NONE
            BPFTRACE_LAZY_SYMBOLICATION * [default: 1] resolve user symbols lazily
            BPFTRACE_SHOW_DEBUG_INFO    * [default: 1] show source file and line in stacks when known
            BPFTRACE_USE_BLAZESYM       * [default: 1] accepted for compatibility
            BPFTRACE_STR_TRUNC_TRAILER  * [default: ..] appended to truncated strings
            BPFTRACE_LICENSE            * [default: GPL] license of the BPF programs
            BPFTRACE_UNSTABLE_<FEATURE> * enable, warn or error for an unstable feature (macro, map_decl, import,
                                          import_statement, tseries, addr, typeinfo)
            BPFTRACE_NO_USER_SYMBOLS      [default: 0] disable user symbol resolution
            BPFTRACE_BTF                  [default: none] BTF file
            BPFTRACE_VMLINUX              [default: none] vmlinux path used for kernel symbol resolution
            BPFTRACE_KERNEL_SOURCE        [default: none] kernel headers directory
            BPFTRACE_KERNEL_BUILD         [default: none] kernel build directory
            BPFTRACE_COLOR                [default: auto] color diagnostics: auto, always, never
            BTLANG_SYSCALL_ROUTING        [default: auto] syscalls:sys_enter_*/sys_exit_* through the two
                                          raw_syscalls tracepoints (fast exit): auto (from 12 of them), always,
                                          never, or the number to start at
            __BPFTRACE_NOTIFY_PROBES_ATTACHED
                                          when set, print this name on a line of its own once probes are attached
        """;
}
