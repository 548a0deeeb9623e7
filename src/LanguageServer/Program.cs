using BtLang.LanguageServer.Server;

namespace BtLang.LanguageServer;

/// <summary>
/// <c>btlang-lsp</c>: the BtLang language server over standard input/output. Only protocol goes to standard
/// output; logs go to standard error. Ends on <c>exit</c> or when standard input closes.
/// </summary>
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        if (args.Contains("--version"))
        {
            Console.WriteLine("btlang-lsp " + typeof(Program).Assembly.GetName().Version);
            return 0;
        }
        var stdout = Console.OpenStandardOutput();
        var stdin = Console.OpenStandardInput();
        // Anything written through Console.Out by accident must not corrupt the protocol stream.
        Console.SetOut(Console.Error);
        var log = new ServerLog(Console.Error);
        using var host = new LanguageServerHost(new ServerOptions { Log = log });
        host.Start(stdout, stdin);
        log.Info($"listening on standard input ({ServerLog.SinceProcessStart()} ms after start)");
        await host.WaitForExitAsync().ConfigureAwait(false);
        return host.ExitCode;
    }
}
