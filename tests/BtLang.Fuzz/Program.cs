using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;

namespace BtLang.Fuzz;

/// <summary>
/// The fuzz driver. <c>--seconds N</c> (default 120): replay every kept crash (crashes/*.bt, the regression set),
/// check the CsCheck properties, then mutate the seed corpus in-process until the time is up; each new failure is
/// saved to crashes/ so it is replayed from then on. Prints <c>fuzz: N passed, N failed</c>. <c>--libfuzzer</c>
/// instead runs under SharpFuzz's libFuzzer driver (needs libfuzzer-dotnet; not used in CI).
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        string root = FindRepositoryRoot();
        if (args.Contains("--libfuzzer"))
        {
            SharpFuzz.Fuzzer.LibFuzzer.Run(span =>
            {
                if (FuzzTarget.Run(Encoding.UTF8.GetString(span)) is { } failure)
                {
                    throw new InvalidOperationException(failure);
                }
            });
            return 0;
        }

        double seconds = Option(args, "--seconds", 120);
        long propertyIterations = (long)Option(args, "--property-iterations", 300);
        int seed = (int)Option(args, "--seed", Environment.TickCount);
        // With a fixed seed, --max-inputs makes a run reproducible whatever the machine's speed.
        long maxInputs = (long)Option(args, "--max-inputs", long.MaxValue);
        string crashes = Path.Combine(root, "tests", "BtLang.Fuzz", "crashes");
        Directory.CreateDirectory(crashes);

        int passed = 0;
        int failed = 0;
        int knownHits = 0;
        var known = new HashSet<string>(StringComparer.Ordinal);
        Directory.CreateDirectory(Path.Combine(crashes, "known"));
        var result = 0;

        // Deep recursion in a mutated input must not end the run: give the work a large stack.
        var worker = new Thread(() =>
        {
            foreach (string file in Directory.EnumerateFiles(crashes, "*.bt").Order(StringComparer.Ordinal))
            {
                if (FuzzTarget.Run(File.ReadAllText(file)) is { } failure)
                {
                    failed++;
                    Console.WriteLine($"regression {Path.GetFileName(file)} fails again: {FirstLine(failure)}");
                }
                else
                {
                    passed++;
                }
            }

            // Crashes of other layers not fixed yet: replayed and reported, not counted; a mutation that hits the
            // same failure (same exception and throwing frame) is not counted either. Move a file up to crashes/
            // once its bug is fixed.
            foreach (string file in Directory.EnumerateFiles(Path.Combine(crashes, "known"), "*.bt").Order(StringComparer.Ordinal))
            {
                if (FuzzTarget.Run(File.ReadAllText(file)) is { } failure)
                {
                    known.Add(Signature(failure));
                    Console.WriteLine($"known open bug {Path.GetFileName(file)}: {FirstLine(failure)}");
                }
                else
                {
                    Console.WriteLine($"known bug {Path.GetFileName(file)} passes now: move it to crashes/ as a regression test");
                }
            }

            var (propertiesPassed, propertyFailures) = Properties.Check(propertyIterations);
            passed += propertiesPassed;
            failed += propertyFailures.Count;
            propertyFailures.ForEach(Console.WriteLine);

            var seeds = LoadSeeds(root);
            var mutator = new Mutator(new Random(seed), seeds);
            var clock = Stopwatch.StartNew();
            foreach (string text in seeds)
            {
                Count(text);
            }

            for (long inputs = 0; inputs < maxInputs && clock.Elapsed.TotalSeconds < seconds; inputs++)
            {
                Count(mutator.Next());
            }

            Console.WriteLine($"seed {seed}, {seeds.Count} corpus files, {clock.Elapsed.TotalSeconds:F0} s");
        }, maxStackSize: 512 * 1024 * 1024);
        worker.Start();
        worker.Join();

        void Count(string text)
        {
            if (FuzzTarget.Run(text) is not { } failure)
            {
                passed++;
                return;
            }

            if (known.Contains(Signature(failure)))
            {
                knownHits++;
                return;
            }

            failed++;
            string name = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16].ToLowerInvariant() + ".bt";
            string path = Path.Combine(crashes, name);
            if (!File.Exists(path))
            {
                File.WriteAllText(path, text);
                Console.WriteLine($"new crash kept as tests/BtLang.Fuzz/crashes/{name}: {FirstLine(failure)}");
            }
        }

        Console.WriteLine($"{knownHits} inputs hit known open bugs");
        Console.WriteLine($"fuzz: {passed} passed, {failed} failed");
        return failed == 0 ? result : 1;
    }

    private static List<string> LoadSeeds(string root)
    {
        var seeds = new List<string>();
        foreach (string dir in new[] { "tests/corpus/valid", "tests/BtLang.Syntax.Tests/ParserTests/ok", "tests/BtLang.Syntax.Tests/ParserTests/err" })
        {
            string full = Path.Combine(root, dir);
            if (Directory.Exists(full))
            {
                seeds.AddRange(Directory.EnumerateFiles(full, "*.bt").Order(StringComparer.Ordinal).Select(File.ReadAllText));
            }
        }

        seeds.Add(string.Empty);
        seeds.Add("BEGIN { printf(\"hello\\n\"); exit(); }");
        seeds.Add("tracepoint:syscalls:sys_enter_openat /comm == \"cat\"/ { @[pid] = count(); }");
        return seeds;
    }

    private static double Option(string[] args, string name, double fallback)
    {
        int at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length && double.TryParse(args[at + 1], System.Globalization.CultureInfo.InvariantCulture, out double value) ? value : fallback;
    }

    private static string FirstLine(string text) => text.Split('\n')[0];

    /// <summary>The exception type and the frame that threw: two inputs with the same signature are the same bug.</summary>
    private static string Signature(string failure)
    {
        var lines = failure.Split('\n');
        string type = lines[0].Split(':')[0];
        string frame = lines.Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("at BtLang.", StringComparison.Ordinal)) ?? string.Empty;
        int inAt = frame.IndexOf(" in ", StringComparison.Ordinal);
        return type + "|" + (inAt > 0 ? frame[..inAt] : frame);
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "BtLang.sln")))
            {
                return dir.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
