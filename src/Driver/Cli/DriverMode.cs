namespace BtLang.Driver.Cli;

/// <summary>What a <c>btlang</c> invocation asks for; each value maps to one <see cref="IDriverHost"/> method.</summary>
public enum DriverMode
{
    /// <summary><c>btlang [options] script.bt | -e PROGRAM | -</c>: compile, load, attach and run a program.</summary>
    RunProgram,

    /// <summary><c>btlang -l [PATTERN]</c>, <c>-lv</c>, <c>-l script.bt</c>, <c>-l -e PROGRAM</c>: list probes.</summary>
    ListProbes,

    /// <summary><c>btlang compile script.bt -o x.o</c>: write a self-describing BPF object.</summary>
    Compile,

    /// <summary><c>btlang run x.o [options]</c>: load and run a compiled object.</summary>
    RunObject,

    /// <summary><c>btlang --info</c>: print kernel BPF feature support in bpftrace's wording.</summary>
    PrintInfo,

    /// <summary><c>btlang lsp [args...]</c>: run the language server (the host execs <c>btlang-lsp</c>).</summary>
    RunLanguageServer,
}
