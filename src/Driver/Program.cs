using BtLang.Driver.Cli;

namespace BtLang.Driver;

/// <summary>The <c>btlang</c> command: argv and environment to options (Cli), then the runtime host.</summary>
internal static class Program
{
    private static int Main(string[] args) =>
        CommandLineApp.Run(args, ProcessEnvironment.Instance, Console.Out, Console.Error, DriverHostFactory.Create);
}
