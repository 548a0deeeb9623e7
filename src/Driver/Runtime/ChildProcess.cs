using System.ComponentModel;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace BtLang.Driver.Runtime;

/// <summary>
/// The <c>-c CMD</c> child: started stopped (so nothing it does happens before the probes are attached), resumed
/// once they are, and terminated if it is still running when tracing ends. Its pid is <c>cpid</c>.
/// </summary>
internal sealed partial class ChildProcess : IDisposable
{
    private const int SigTerm = 15;
    private const int SigCont = 18;

    private readonly Process _process;

    private ChildProcess(Process process) => _process = process;

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Starts <paramref name="command"/> through /bin/sh, stopped before it execs; null with an error when it cannot start.</summary>
    public static ChildProcess? StartPaused(string command, out string? error)
    {
        error = null;
        Process process;
        try
        {
            // The shell stops itself, then (once continued) replaces itself with the command: the pid stays the same.
            process = Process.Start(new ProcessStartInfo("/bin/sh", ["-c", "kill -STOP $$; exec " + command]) { UseShellExecute = false })!;
        }
        catch (Win32Exception e)
        {
            error = e.Message;
            return null;
        }

        var deadline = Stopwatch.StartNew();
        while (!IsStopped(process.Id))
        {
            if (process.HasExited || deadline.Elapsed > TimeSpan.FromSeconds(10))
            {
                error = process.HasExited ? $"the command exited with code {process.ExitCode} before tracing started" : "the command did not start";
                process.Dispose();
                return null;
            }

            Thread.Sleep(1);
        }

        return new ChildProcess(process);
    }

    public void Resume() => kill(_process.Id, SigCont);

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            kill(_process.Id, SigCont);
            kill(_process.Id, SigTerm);
            _process.WaitForExit(2000);
        }

        _process.Dispose();
    }

    private static bool IsStopped(int pid)
    {
        try
        {
            string stat = File.ReadAllText($"/proc/{pid}/stat");
            int close = stat.LastIndexOf(')');
            return close > 0 && close + 2 < stat.Length && stat[close + 2] == 'T';
        }
        catch (IOException)
        {
            return false;
        }
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int kill(int pid, int signal);
}
