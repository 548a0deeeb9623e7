using System.ComponentModel;
using System.Diagnostics;
using System.Runtime.InteropServices;
using BtLang.Diagnostics;
using BtLang.Driver.Cli;

namespace BtLang.Driver.Runtime;

/// <summary>
/// The <c>-c CMD</c> child: started stopped (so nothing it does happens before the probes are attached), resumed
/// once they are, and terminated if it is still running when tracing ends. Its pid is <c>cpid</c>.
/// </summary>
internal sealed partial class ChildProcess : IDisposable
{
    private const int SigTerm = 15;
    private const int SigCont = 18;
    private const int ExecuteOk = 1; // access(2) X_OK

    /// <summary>Characters after which the first word is shell syntax rather than a program name: left to the shell.</summary>
    private const string ShellSyntax = "'\"\\$`=;&|<>()*?[]{}~#!";

    private readonly Process _process;

    private ChildProcess(Process process) => _process = process;

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>
    /// Null when the program <paramref name="command"/> runs exists and is executable, else the error to report
    /// (bpftrace: "Failed to fork child: path ... does not exist or is not executable"). The program is the first
    /// word, found like execvp(3) finds it: a word with a slash is a path, any other is looked up on PATH. A first
    /// word with shell syntax (quotes, variables, redirections) is left for the shell to report.
    /// </summary>
    public static Diagnostic? Check(string command, string? pathVariable)
    {
        string trimmed = command.TrimStart();
        int end = trimmed.IndexOfAny([' ', '\t', '\n']);
        string program = end < 0 ? trimmed : trimmed[..end];
        if (program.Length == 0)
        {
            return Diagnostic.Create(CliDiagnostics.CommandCannotRun, Location.None, command, "the command is empty");
        }

        // Shell syntax, or a name that was not UTF-8 (decoded with U+FFFD; its bytes reach only the shell): the shell
        // reports what is wrong with it.
        if (program.AsSpan().IndexOfAny(ShellSyntax) >= 0 || program.Contains('\uFFFD'))
        {
            return null;
        }

        if (program.Contains('/'))
        {
            return ExecutableProblem(program) is { } problem
                ? Diagnostic.Create(CliDiagnostics.CommandCannotRun, Location.None, command, $"'{program}' {problem}")
                : null;
        }

        foreach (string directory in (pathVariable ?? "/usr/local/bin:/usr/bin:/bin").Split(':'))
        {
            string candidate = Path.Combine(directory.Length == 0 ? "." : directory, program);
            if (ExecutableProblem(candidate) is null)
            {
                return null;
            }
        }

        return Diagnostic.Create(CliDiagnostics.CommandCannotRun, Location.None, command, $"'{program}' was not found on PATH");
    }

    /// <summary>Why <paramref name="path"/> cannot be executed, or null when it can.</summary>
    private static string? ExecutableProblem(string path)
    {
        if (Directory.Exists(path))
        {
            return "is a directory";
        }

        if (!File.Exists(path))
        {
            return "does not exist";
        }

        return access(path, ExecuteOk) == 0 ? null : "is not executable";
    }

    /// <summary>
    /// Starts <paramref name="command"/> through /bin/sh, stopped before it execs; null with an error when it cannot
    /// start. <paramref name="rawCommand"/>, when given, is the command's exact bytes (not UTF-8, so the string lost
    /// some): they reach the shell unchanged.
    /// </summary>
    public static ChildProcess? StartPaused(string command, out string? error, byte[]? rawCommand = null)
    {
        error = null;
        Process process;
        try
        {
            // The shell stops itself, then (once continued) replaces itself with the command: the pid stays the same.
            string script = "kill -STOP $$; " + (rawCommand is null ? "exec " + command : ExecOfBytes(rawCommand));
            process = Process.Start(new ProcessStartInfo("/bin/sh", ["-c", script]) { UseShellExecute = false })!;
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

    /// <summary>
    /// Shell text, in ASCII only, that runs <c>exec</c> + <paramref name="command"/> as the shell would have parsed
    /// those bytes: .NET passes arguments as UTF-8 text, so bytes that are not UTF-8 travel as printf octal escapes
    /// and are parsed by <c>eval</c>.
    /// </summary>
    internal static string ExecOfBytes(byte[] command)
    {
        var escaped = new System.Text.StringBuilder(command.Length * 5);
        foreach (byte b in command)
        {
            escaped.Append('\\').Append('0').Append(Convert.ToString(b, 8).PadLeft(3, '0'));
        }

        return "eval \"exec $(printf '%b' '" + escaped + "')\"";
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

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int access(string path, int mode);
}
