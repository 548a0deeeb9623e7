using System.Text;

namespace BtLang.Benchmarks;

/// <summary>The scripts the compiler-stage benchmarks run on: seed-like corpus scripts and a generated 1,000-line one.</summary>
public static class Scripts
{
    /// <summary>Corpus scripts (tests/corpus/valid) that stand for the seed examples and compile on this kernel.</summary>
    public static readonly string[] CorpusNames = ["hello", "read_latency", "syscount_like", "openat_count"];

    /// <summary>Names accepted by the benchmarks' <c>Script</c> parameter.</summary>
    public static IEnumerable<string> Names => CorpusNames.Append(Generated1000);

    /// <summary>The name of the generated 1,000-line script.</summary>
    public const string Generated1000 = "generated_1000_lines";

    /// <summary>The name of the language server's 1,000-line document (kprobes; the one LatencyTests uses).</summary>
    public const string Lsp1000 = "lsp_1000_lines";

    /// <summary>The text of the named script.</summary>
    public static string Load(string name) => name switch
    {
        Generated1000 => GenerateLines(1000),
        Lsp1000 => LanguageServerDocument(),
        _ => File.ReadAllText(Path.Combine(RepoRoot(), "tests", "corpus", "valid", name + ".bt")),
    };

    /// <summary>
    /// The 1,000-line (1,008) document of the language server's latency test: 112 kprobes of 9 lines, each with a
    /// predicate, a map write, two variables, a sum and an if with a printf.
    /// </summary>
    public static string LanguageServerDocument()
    {
        var sb = new StringBuilder();
        for (int probe = 0, line = 0; line < 1000; probe++, line += 9)
        {
            sb.Append("kprobe:vfs_read").Append(probe).Append(" /pid > ").Append(probe).Append("/\n{\n");
            sb.Append("  @start").Append(probe % 20).Append("[tid] = nsecs;\n  $x = ").Append(probe).Append(" + 1;\n  $y = $x * 2;\n");
            sb.Append("  @bytes[comm] = sum($y);\n  if ($y > 10) { printf(\"%d %s\\n\", $y, comm); }\n}\n\n");
        }
        return sb.ToString();
    }

    /// <summary>
    /// A script of exactly <paramref name="lines"/> lines: blocks of 10 lines on syscall tracepoints, each with a
    /// predicate, a local variable, a map update, a histogram, an if/else and a printf.
    /// </summary>
    public static string GenerateLines(int lines)
    {
        string[] syscalls = ["read", "write", "openat", "close", "getppid", "readahead", "mmap", "brk", "ioctl", "futex"];
        var sb = new StringBuilder();
        int written = 0;
        for (int i = 0; written + 10 <= lines; i++)
        {
            string sc = syscalls[i % syscalls.Length];
            sb.Append("tracepoint:syscalls:sys_enter_").Append(sc).Append('\n');
            sb.Append("/pid != ").Append(i).Append("/\n");
            sb.Append("{\n");
            sb.Append("  $v = (nsecs >> ").Append(i % 20).Append(") & 1023;\n");
            sb.Append("  @count_").Append(i).Append("[tid, comm] = count();\n");
            sb.Append("  @lat_").Append(i).Append(" = hist($v);\n");
            sb.Append("  if ($v > ").Append(i).Append(") { @big_").Append(i).Append(" = sum($v); }\n");
            sb.Append("  else { @small_").Append(i).Append(" = max($v); }\n");
            sb.Append("  printf(\"%d %s %d\\n\", pid, comm, $v);\n");
            sb.Append("}\n");
            written += 10;
        }
        for (; written < lines; written++)
        {
            sb.Append("// padding\n");
        }
        return sb.ToString();
    }

    /// <summary>The repository root (the directory holding BtLang.sln) above the running program.</summary>
    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "BtLang.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("BtLang.sln not found above " + AppContext.BaseDirectory);
    }
}
