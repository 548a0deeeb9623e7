using CsCheck;

namespace BtLang.Fuzz;

/// <summary>
/// CsCheck properties over generated text: any input parses without exception and round-trips, binding never
/// throws, emission never throws on inputs without errors (all through <see cref="FuzzTarget"/>).
/// </summary>
public static class Properties
{
    private static readonly string[] Fragments =
    [
        "BEGIN", "END", "{", "}", "(", ")", ";", "@x", "@y[1]", "$a", "=", "+", "*", "/", "-", "==", "if", "else", "while",
        "printf(\"%d\\n\", 1)", "count()", "exit()", "1", "0x10", "\"s\"", "comm", "pid", "tracepoint:syscalls:sys_enter_read",
        "interval:s:1", "/pid == 1/", " ", "\n", "// c\n", "/* c */", ",", "[", "]", "$1", "++", "<", ">",
    ];

    /// <summary>Runs every property for the given number of samples each; returns (passed, failures).</summary>
    public static (int Passed, List<string> Failures) Check(long iterations)
    {
        var failures = new List<string>();
        int passed = 0;
        var properties = new (string Name, Gen<string> Gen)[]
        {
            ("any text", Gen.String),
            ("any ASCII text", Gen.String[Gen.Char.AlphaNumeric, 0, 200]),
            ("token soup", Gen.Int[0, Fragments.Length - 1].Select(i => Fragments[i]).Array[0, 60].Select(parts => string.Join(" ", parts))),
            ("tight token soup", Gen.Int[0, Fragments.Length - 1].Select(i => Fragments[i]).Array[0, 60].Select(parts => string.Concat(parts))),
        };
        foreach (var (name, gen) in properties)
        {
            try
            {
                gen.Sample(text => FuzzTarget.Run(text) is null, iter: iterations, threads: 1);
                passed++;
            }
            catch (Exception e)
            {
                failures.Add($"property '{name}' failed: {e.Message}");
            }
        }

        return (passed, failures);
    }
}
