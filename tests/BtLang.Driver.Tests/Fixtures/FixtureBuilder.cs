using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;

namespace BtLang.Driver.Tests.Fixtures;

/// <summary>
/// Builds the C fixtures beside this file at test time: BPF objects with clang-14 and workload programs with gcc.
/// Results are cached per source hash in a temp directory, so each fixture compiles once per machine.
/// </summary>
internal static class FixtureBuilder
{
    private static readonly object Gate = new();
    private static readonly string CacheDirectory = Path.Combine(Path.GetTempPath(), "btlang-driver-fixtures");

    public static string SourceDirectory { get; } = FindSourceDirectory();

    /// <summary>Compiles a BPF C fixture (e.g. <c>bt_probes.bpf.c</c>) and returns the object's bytes.</summary>
    public static byte[] BpfObject(string fileName) =>
        File.ReadAllBytes(Build(fileName, ".o", (source, output) =>
            ("clang-14", $"-target bpf -D__TARGET_ARCH_x86 -O2 -g -I/usr/include/{MultiarchDirectory} -c {source} -o {output}")));

    /// <summary>Compiles a C workload program with gcc and returns its path.</summary>
    public static string Program(string fileName) =>
        Build(fileName, "", (source, output) => ("gcc", $"-O1 -g -o {output} {source}"));

    private static string MultiarchDirectory => System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture ==
        System.Runtime.InteropServices.Architecture.Arm64 ? "aarch64-linux-gnu" : "x86_64-linux-gnu";

    private static string Build(string fileName, string extension, Func<string, string, (string Tool, string Arguments)> command)
    {
        string source = Path.Combine(SourceDirectory, fileName);
        string hash = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(source)))[..16];
        string output = Path.Combine(CacheDirectory, $"{Path.GetFileNameWithoutExtension(fileName)}-{hash}{extension}");
        lock (Gate)
        {
            if (File.Exists(output))
            {
                return output;
            }

            Directory.CreateDirectory(CacheDirectory);
            string temporary = output + ".tmp" + Environment.ProcessId;
            var (tool, arguments) = command(source, temporary);
            var start = new ProcessStartInfo(tool, arguments) { RedirectStandardError = true, RedirectStandardOutput = true };
            using var process = Process.Start(start)!;
            string errors = process.StandardError.ReadToEnd();
            process.StandardOutput.ReadToEnd();
            if (!process.WaitForExit(120_000) || process.ExitCode != 0)
            {
                throw new InvalidOperationException($"{tool} {arguments} failed:\n{errors}");
            }

            File.Move(temporary, output, overwrite: true);
            return output;
        }
    }

    private static string FindSourceDirectory([CallerFilePath] string thisFile = "") =>
        Path.GetDirectoryName(thisFile)!;
}
