using System.Text;

namespace BtLang.Fuzz;

/// <summary>Text mutations that keep inputs near the language: splice seeds, insert tokens, delete, duplicate, flip.</summary>
public sealed class Mutator
{
    private static readonly string[] Tokens =
    [
        "{", "}", "(", ")", "[", "]", ";", ",", ":", "/", "*", "+", "-", "==", "!=", "<<", ">>", "&&", "||", "!", "?", "=",
        "+=", "++", "--", "->", ".", "$", "@", "@x", "$1", "#", "\"", "'", "0x", "1", "-1", "18446744073709551615", "99999999999999999999",
        "BEGIN", "END", "if", "else", "while", "for", "unroll", "return", "let", "config", "macro", "import",
        "printf(\"%d %s\\n\", 1, \"a\")", "count()", "sum(1)", "hist(1)", "lhist(1, 0, 10, 1)", "str(0)", "exit()", "print(@x)",
        "kstack", "ustack", "comm", "pid", "tid", "nsecs", "args", "retval", "arg0", "probe", "func", "cpu", "curtask",
        "tracepoint:syscalls:sys_enter_read", "uprobe:/bin/sh:main", "interval:s:1", "kprobe:f", "struct x { int a; }",
        "(uint8)", "(int64)", "sizeof(int)", "offsetof(struct x, a)", "\n", " ", "\t", "/*", "*/", "//", "\\", "\0", "é", "\u2028",
    ];

    private readonly Random _random;
    private readonly IReadOnlyList<string> _seeds;

    public Mutator(Random random, IReadOnlyList<string> seeds)
    {
        _random = random;
        _seeds = seeds;
    }

    public string Next()
    {
        var text = new StringBuilder(_seeds[_random.Next(_seeds.Count)]);
        int rounds = 1 + _random.Next(6);
        for (int i = 0; i < rounds; i++)
        {
            Mutate(text);
        }

        return text.ToString();
    }

    private void Mutate(StringBuilder text)
    {
        int at = text.Length == 0 ? 0 : _random.Next(text.Length + 1);
        switch (_random.Next(7))
        {
            case 0:
                text.Insert(at, Tokens[_random.Next(Tokens.Length)]);
                break;
            case 1 when text.Length > 0:
                int start = Math.Min(at, text.Length - 1);
                text.Remove(start, Math.Min(text.Length - start, 1 + _random.Next(16)));
                break;
            case 2 when text.Length > 0:
                int from = _random.Next(text.Length);
                int length = Math.Min(text.Length - from, 1 + _random.Next(64));
                text.Insert(at, text.ToString(from, length));
                break;
            case 3:
                string other = _seeds[_random.Next(_seeds.Count)];
                int cut = other.Length == 0 ? 0 : _random.Next(other.Length);
                text.Insert(at, other[cut..]);
                break;
            case 4 when text.Length > 0:
                int flip = Math.Min(at, text.Length - 1);
                text[flip] = (char)_random.Next(1, 128);
                break;
            case 5:
                text.Insert(at, new string('(', _random.Next(1, 200)));
                break;
            default:
                text.Insert(at, _random.Next(4) switch { 0 => "{", 1 => "}", 2 => "\"", _ => ";" });
                break;
        }
    }
}
