namespace BtLang.Driver.Output;

/// <summary>
/// Where the runtime sends everything it prints. One implementation per output format (<see cref="TextOutputWriter"/>,
/// <see cref="JsonOutputWriter"/>), chosen once with <see cref="OutputWriters.Create"/>.
/// </summary>
public interface IOutputWriter : IDisposable
{
    OutputFormat Format { get; }

    /// <summary>The startup banner: text <c>Attached N probes</c> on stderr; JSON <c>attached_probes</c>.</summary>
    void AttachedProbes(int count);

    /// <summary>Already-rendered printf output (see <see cref="PrintfRenderer"/>); no newline is added.</summary>
    void Printf(string text);

    /// <summary>Prints one map (sorted, top N, values divided by div): <c>print(@m, top, div)</c> and the exit dump.
    /// Empty maps print nothing.</summary>
    void PrintMap(MapSnapshot snapshot, long top = 0, long div = 0);

    /// <summary><c>print(value)</c> and <c>print(@m[k])</c>.</summary>
    void PrintValue(Value value);

    /// <summary><c>time()</c> output, already formatted (see <see cref="Strftime"/>).</summary>
    void Time(string text);

    /// <summary><c>cat()</c> output (file contents).</summary>
    void Cat(string text);

    /// <summary><c>join()</c> output: the joined string (a newline is added).</summary>
    void Join(string text);

    /// <summary><c>system()</c> output (a newline is added).</summary>
    void Syscall(string text);

    /// <summary>Events lost since the last report.</summary>
    void LostEvents(ulong count);

    /// <summary>Marks the start of the exit-time map dump (text: two newlines; JSON: nothing).</summary>
    void BeginExitMaps();

    /// <summary><see cref="BeginExitMaps"/>, then every non-empty map in ordinal order of name.</summary>
    void PrintExitMaps(IEnumerable<MapSnapshot> maps);

    void Flush();
}
