using BtLang.Driver.Cli;

namespace BtLang.Driver.Tests.Cli;

/// <summary>Records which host method ran and with which options; returns a distinct exit code per method.</summary>
internal sealed class RecordingHost : IDriverHost
{
    public string? Called { get; private set; }

    public DriverOptions? Options { get; private set; }

    public int RunProgram(DriverOptions options) => Record(nameof(RunProgram), options, 10);

    public int ListProbes(DriverOptions options) => Record(nameof(ListProbes), options, 11);

    public int Compile(DriverOptions options) => Record(nameof(Compile), options, 12);

    public int RunObject(DriverOptions options) => Record(nameof(RunObject), options, 13);

    public int PrintInfo(DriverOptions options) => Record(nameof(PrintInfo), options, 14);

    public int RunLanguageServer(DriverOptions options) => Record(nameof(RunLanguageServer), options, 15);

    private int Record(string name, DriverOptions options, int code)
    {
        Assert.Null(Called);
        Called = name;
        Options = options;
        return code;
    }
}
