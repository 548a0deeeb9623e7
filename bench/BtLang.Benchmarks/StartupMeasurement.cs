using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace BtLang.Benchmarks;

/// <summary>
/// Start-up of the real language server process: spawn to the <c>initialize</c> reply received (the client sends
/// <c>initialized</c> right then), over pipes with LSP framing, as an editor does. Each run then shuts the server
/// down with <c>shutdown</c>/<c>exit</c> and checks its exit code.
/// </summary>
public static class StartupMeasurement
{
    /// <summary>Runs <paramref name="runs"/> start-ups of <paramref name="server"/> and prints min/median/max and the load.</summary>
    public static int Run(string server, int runs)
    {
        var times = new List<double>();
        var cpu = new List<double>();
        for (int i = 0; i < runs; i++)
        {
            var (wall, cpuTime) = Once(server);
            times.Add(wall);
            cpu.Add(cpuTime);
        }

        times.Sort();
        cpu.Sort();
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"start to initialize reply: {server}: wall min {times[0]:F0} ms, median {times[times.Count / 2]:F0} ms, max {times[^1]:F0} ms; server CPU (user+sys) until then min {cpu[0]:F0} ms, median {cpu[cpu.Count / 2]:F0} ms; {runs} runs; load {Load.Now()}"));
        return 0;
    }

    /// <summary>User plus system CPU time of a process so far, from /proc (clock ticks of 10 ms).</summary>
    private static double CpuMilliseconds(int pid)
    {
        string stat = File.ReadAllText($"/proc/{pid}/stat");
        string[] fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        long ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return ticks * 10.0;
    }

    private static (double Wall, double Cpu) Once(string server)
    {
        var start = new ProcessStartInfo(server)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start " + server);
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        var input = process.StandardInput.BaseStream;
        var output = process.StandardOutput.BaseStream;
        Send(input, """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"processId":null,"rootUri":null,"capabilities":{}}}""");
        string reply = Receive(output);
        double elapsed = watch.Elapsed.TotalMilliseconds;
        double cpu = CpuMilliseconds(process.Id);
        if (!reply.Contains("\"capabilities\"", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("unexpected reply: " + reply);
        }

        Send(input, """{"jsonrpc":"2.0","method":"initialized","params":{}}""");
        Send(input, """{"jsonrpc":"2.0","id":2,"method":"shutdown"}""");
        Receive(output);
        Send(input, """{"jsonrpc":"2.0","method":"exit"}""");
        if (!process.WaitForExit(10000))
        {
            process.Kill();
            throw new InvalidOperationException("the server did not exit");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"the server exited with {process.ExitCode}");
        }

        return (elapsed, cpu);
    }

    private static void Send(Stream input, string json)
    {
        byte[] body = Encoding.UTF8.GetBytes(json);
        byte[] header = Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n");
        input.Write(header);
        input.Write(body);
        input.Flush();
    }

    private static string Receive(Stream output)
    {
        var header = new StringBuilder();
        while (!header.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            int b = output.ReadByte();
            if (b < 0)
            {
                throw new EndOfStreamException("the server closed its output");
            }

            header.Append((char)b);
        }

        int length = 0;
        foreach (string line in header.ToString().Split("\r\n"))
        {
            if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            {
                length = int.Parse(line["Content-Length:".Length..].Trim(), CultureInfo.InvariantCulture);
            }
        }

        byte[] body = new byte[length];
        output.ReadExactly(body);
        return Encoding.UTF8.GetString(body);
    }
}
