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
        for (int i = 0; i < runs; i++)
        {
            times.Add(Once(server));
        }

        times.Sort();
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"start to initialize reply: {server}: min {times[0]:F0} ms, median {times[times.Count / 2]:F0} ms, max {times[^1]:F0} ms over {runs} runs; load {Load.Now()}"));
        return 0;
    }

    private static double Once(string server)
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

        return elapsed;
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
