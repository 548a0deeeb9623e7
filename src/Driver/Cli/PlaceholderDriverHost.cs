namespace BtLang.Driver.Cli;

/// <summary>
/// PLACEHOLDER until the runtime host is written: every mode prints <c>ERROR: not built yet</c> and fails.
/// Delete it once <see cref="DriverHostFactory"/> returns the real host.
/// </summary>
public sealed class PlaceholderDriverHost(TextWriter stderr) : IDriverHost
{
    public int RunProgram(DriverOptions options) => NotBuilt("running a program");

    public int ListProbes(DriverOptions options) => NotBuilt("listing probes");

    public int Compile(DriverOptions options) => NotBuilt("compiling");

    public int RunObject(DriverOptions options) => NotBuilt("running an object");

    public int PrintInfo(DriverOptions options) => NotBuilt("--info");

    public int RunLanguageServer(DriverOptions options) => NotBuilt("the language server");

    private int NotBuilt(string what)
    {
        stderr.WriteLine($"ERROR: not built yet ({what})");
        return 1;
    }
}
