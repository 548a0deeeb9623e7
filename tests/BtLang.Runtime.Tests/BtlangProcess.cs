using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace BtLang.Runtime.Tests;

/// <summary>Runs the built <c>btlang</c> as a child process, with its output captured, and can signal it.</summary>
internal sealed partial class BtlangProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly TaskCompletionSource _attached = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private BtlangProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            if (e.Data == "__BPFTRACE_NOTIFY_PROBES_ATTACHED")
            {
                _attached.TrySetResult();
                return;
            }

            lock (_stdout)
            {
                _stdout.Append(e.Data).Append('\n');
            }
        };
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (_stderr)
                {
                    _stderr.Append(e.Data).Append('\n');
                }
            }
        };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int Pid => _process.Id;

    public string Stdout
    {
        get
        {
            lock (_stdout)
            {
                return _stdout.ToString();
            }
        }
    }

    public string Stderr
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    public static string Executable
    {
        get
        {
            string apphost = Path.Combine(AppContext.BaseDirectory, "btlang");
            return File.Exists(apphost) ? apphost : throw new FileNotFoundException("the btlang executable is not next to the tests", apphost);
        }
    }

    public static BtlangProcess Start(params string[] arguments) => Start(arguments, null);

    public static BtlangProcess Start(string[] arguments, string? stdin) => Start(arguments, stdin, []);

    /// <summary>Starts btlang with <paramref name="environment"/> added to the test's environment.</summary>
    public static BtlangProcess Start(string[] arguments, string? stdin, params (string Name, string Value)[] environment)
        => Start([], arguments, stdin, environment);

    /// <summary>
    /// Starts btlang the way a non-interactive shell starts a background job: with <paramref name="signals"/> (shell
    /// names such as INT TERM) ignored. The shell execs btlang, so <see cref="Pid"/> is btlang's.
    /// </summary>
    public static BtlangProcess StartWithSignalsIgnored(string signals, params string[] arguments)
        => Start(["/bin/sh", "-c", $"trap '' {signals}; exec \"$0\" \"$@\""], arguments, null, []);

    private static BtlangProcess Start(string[] launcher, string[] arguments, string? stdin, (string Name, string Value)[] environment)
    {
        var info = new ProcessStartInfo(launcher.Length > 0 ? launcher[0] : Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = stdin is not null,
            UseShellExecute = false,
        };
        if (launcher.Length > 0)
        {
            foreach (var word in launcher[1..])
            {
                info.ArgumentList.Add(word);
            }

            info.ArgumentList.Add(Executable);
        }

        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["__BPFTRACE_NOTIFY_PROBES_ATTACHED"] = "1";
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        var process = Process.Start(info)!;
        if (stdin is not null)
        {
            process.StandardInput.Write(stdin);
            process.StandardInput.Close();
        }

        return new BtlangProcess(process);
    }

    /// <summary>Runs to completion (bounded) and returns the exit code.</summary>
    public static (int Code, string Stdout, string Stderr) Run(params string[] arguments)
    {
        using var process = Start(arguments);
        int code = process.WaitForExit(TimeSpan.FromSeconds(60));
        return (code, process.Stdout, process.Stderr);
    }

    /// <summary>
    /// Runs <paramref name="file"/> (btlang, or bpftrace side by side) to completion, bounded, and returns its stdout
    /// as raw bytes: for output that is not UTF-8, which the line-reading runner above would turn into U+FFFD.
    /// </summary>
    public static (int Code, byte[] Stdout, string Stderr) RunRaw(string file, params string[] arguments)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var stdout = new MemoryStream();
        var copy = process.StandardOutput.BaseStream.CopyToAsync(stdout);
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            kill(process.Id, 9);
            process.WaitForExit();
            throw new TimeoutException($"{file} did not exit within 60 s");
        }

        copy.Wait(TimeSpan.FromSeconds(10));
        return (process.ExitCode, stdout.ToArray(), stderr.Result);
    }

    /// <summary>Waits until btlang printed that every probe is attached.</summary>
    public void WaitUntilAttached()
    {
        var exited = _process.WaitForExitAsync();
        var first = Task.WhenAny(_attached.Task, exited, Task.Delay(TimeSpan.FromSeconds(30))).GetAwaiter().GetResult();
        if (first != _attached.Task)
        {
            throw new InvalidOperationException($"btlang did not attach (exited: {_process.HasExited})\nstdout:\n{Stdout}\nstderr:\n{Stderr}");
        }
    }

    public void Signal(int signal) => kill(_process.Id, signal);

    public int WaitForExit(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout))
        {
            kill(_process.Id, 9);
            _process.WaitForExit();
            throw new TimeoutException($"btlang did not exit within {timeout}\nstdout:\n{Stdout}\nstderr:\n{Stderr}");
        }

        _process.WaitForExit(); // drain the asynchronous readers
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            kill(_process.Id, 9);
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int kill(int pid, int signal);
}
