namespace BtLang.Driver.Cli;

/// <summary>The three argv-parsing commands of <c>btlang</c> (<c>lsp</c> passes its arguments on unparsed).</summary>
[Flags]
internal enum CommandKind
{
    /// <summary><c>btlang [options] ...</c>, bpftrace's command line.</summary>
    Main = 1,

    /// <summary><c>btlang compile ...</c>.</summary>
    Compile = 2,

    /// <summary><c>btlang run ...</c>.</summary>
    Run = 4,

    All = Main | Compile | Run,
}
