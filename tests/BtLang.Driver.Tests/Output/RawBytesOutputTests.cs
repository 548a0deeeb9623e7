using BtLang.Driver.Output;
using BtLang.Emit.Metadata;
using BtLang.Semantics.Formatting;
using static BtLang.Driver.Tests.Output.TestMaps;

namespace BtLang.Driver.Tests.Output;

/// <summary>
/// Strings that are not valid UTF-8 (a comm or path with byte 0xff) reach the output byte for byte, as bpftrace
/// prints them: decoded with <see cref="RawText"/>, written through <see cref="RawText.Encoding"/>. printf width and
/// precision count bytes, string keys sort by bytes, and JSON escapes bytes of 0x80 and above the way bpftrace does
/// (its signed-char <c>\uffffffXX</c>, checked against bpftrace 0.17 on this machine and the same in 0.26's json.cpp).
/// </summary>
public sealed class RawBytesOutputTests
{
    /// <summary>"bt\xffcat": the comm of a program whose file name has a 0xff byte.</summary>
    private static readonly byte[] Comm = [(byte)'b', (byte)'t', 0xff, (byte)'c', (byte)'a', (byte)'t'];

    /// <summary>"/f\xfe" + "é" (valid UTF-8) + "\x01".</summary>
    private static readonly byte[] Path = [(byte)'/', (byte)'f', 0xfe, 0xc3, 0xa9, 0x01];

    private static string Decoded(byte[] bytes) => RawText.Decode(bytes);

    private static byte[] Concat(params object[] parts) => parts.SelectMany(p => p switch
    {
        byte[] b => b,
        string s => System.Text.Encoding.UTF8.GetBytes(s),
        _ => throw new ArgumentException("bytes or text"),
    }).ToArray();

    /// <summary>What the text writer sends to stdout, as bytes (the writer over a stream, as btlang opens stdout).</summary>
    private static byte[] TextBytes(Action<IOutputWriter> print)
    {
        var stream = new MemoryStream();
        using (var output = new StreamWriter(stream, RawText.Encoding, 16, leaveOpen: true))
        using (var writer = new TextOutputWriter(output, TextWriter.Null))
        {
            print(writer);
            writer.Flush();
        }

        return stream.ToArray();
    }

    [Fact]
    public void DecodingKeepsEveryByte()
    {
        var decoder = new ValueDecoder(new FakeSymbolResolver());
        var field = new byte[16];
        Comm.CopyTo(field, 0);
        var value = Assert.IsType<StringValue>(decoder.Decode(RuntimeType.String(16), field));
        Assert.Equal(Comm, RawText.GetBytes(value.Text));
        Assert.Equal(6, RawText.GetByteCount(value.Text));

        // Every byte value, alone and in a run, comes back unchanged.
        var all = Enumerable.Range(1, 255).Select(b => (byte)b).ToArray();
        Assert.Equal(all, RawText.GetBytes(RawText.Decode(all)));
        Assert.Equal(Path, RawText.GetBytes(Decoded(Path)));

        // Valid UTF-8 stays ordinary text.
        Assert.Equal("é😀", RawText.Decode(System.Text.Encoding.UTF8.GetBytes("é😀")));
    }

    [Fact]
    public void MapKeysValuesAndPrintfReachStdoutAsRawBytes()
    {
        string comm = Decoded(Comm);
        string path = Decoded(Path);
        byte[] written = TextBytes(w =>
        {
            w.Printf(PrintfRenderer.Render(PrintfFormat.Parse("%s|%s|\n"), [S(comm), S(path)]));
            w.PrintValue(S(comm));
            w.PrintExitMaps(
            [
                Snapshot(Map("@c", AggregateKind.Count, Str16), (S(comm), new CountValue(2))),
                Snapshot(Map("@v", AggregateKind.None, Str16, RuntimeType.String(64)), (S(comm), S(path))),
                Snapshot(Map("@t", AggregateKind.None, new RuntimeType { Kind = RuntimeTypeKind.Tuple, Size = 32 }), (T(S(comm), S(path)), I(1))),
            ]);
        });
        byte[] expected = Concat(
            Comm, "|", Path, "|\n",
            Comm, "\n",
            "\n\n",
            "@c[", Comm, "]: 2\n",
            "@t[", Comm, ", ", Path, "]: 1\n",
            "@v[", Comm, "]: ", Path, "\n");
        Assert.Equal(expected, written);
    }

    [Fact]
    public void PrintfWidthAndPrecisionCountBytesLikeC()
    {
        string comm = Decoded(Comm);
        string path = Decoded(Path);

        // glibc: "%-8s" of a 6-byte string pads 2 spaces; "%4.3s" of "/f\xfe..." keeps 3 bytes; "%.4s" cuts é in two.
        string text = PrintfRenderer.Render(PrintfFormat.Parse("[%-8s][%8s][%4.3s][%.4s][%c]"), [S(comm), S("é"), S(path), S(path), I(0xff)]);
        byte[] expected = Concat("[", Comm, "  ][      ", "é", "][ /f", new byte[] { 0xfe }, "][/f", new byte[] { 0xfe, 0xc3 }, "][", new byte[] { 0xff }, "]");
        Assert.Equal(expected, RawText.GetBytes(text));

        // %r of a string shows the raw bytes.
        Assert.Equal(@"bt\xffcat", PrintfRenderer.Render(PrintfFormat.Parse("%r"), [S(comm)]));
    }

    [Fact]
    public void JsonEscapesHighBytesAsBpftraceDoes()
    {
        string comm = Decoded(Comm);
        string path = Decoded(Path);
        string json = Json(w =>
        {
            w.Printf(comm + "\n");
            w.PrintExitMaps([Snapshot(Map("@v", AggregateKind.None, Str16, RuntimeType.String(64)), (S(comm), S(path)))]);
        });

        // Byte for byte what bpftrace 0.17 printed here for the same comm and path (0.26's json.cpp escapes alike).
        Assert.Equal(
            "{\"type\": \"printf\", \"data\": \"bt\\uffffffffcat\\n\"}\n" +
            "{\"type\": \"map\", \"data\": {\"@v\": {\"bt\\uffffffffcat\": \"/f\\ufffffffe\\uffffffc3\\uffffffa9\\u0001\"}}}\n",
            json);
    }

    [Fact]
    public void StringKeysSortByBytes()
    {
        // UTF-16 order would put U+E000 (EE 80 80) after U+1F600 (F0 9F 98 80, a surrogate pair) and the escaped
        // 0xff byte (U+DCFF) between them; bytes order them EE < F0 < FF.
        string[] keys = ["b\uE000", Decoded([(byte)'b', 0xff]), "b😀", "bz", "b", "bé"];
        var sorted = keys.OrderBy(k => (Value)S(k), ValueComparer.Instance).Select(k => RawText.GetBytes(k)).ToList();
        var expected = keys.Select(RawText.GetBytes).OrderBy(b => b, Comparer<byte[]>.Create((a, b) => a.AsSpan().SequenceCompareTo(b))).ToList();
        Assert.Equal(expected, sorted);
        Assert.Equal(Concat("b"), sorted[0]);
        Assert.Equal(new byte[] { (byte)'b', 0xff }, sorted[^1]);
    }

    [Fact]
    public void SurrogatePairsSplitAcrossWriterBuffersStayWhole()
    {
        // The stream writer encodes in chunks: a pair cut at a chunk boundary must still be one 4-byte character.
        var stream = new MemoryStream();
        string text = new string('a', 15) + "😀" + Decoded([0xff]) + "😀";
        using (var output = new StreamWriter(stream, RawText.Encoding, 16, leaveOpen: true))
        {
            foreach (char c in text)
            {
                output.Write(c);
            }
        }

        Assert.Equal(Concat(new string('a', 15), "😀", new byte[] { 0xff }, "😀"), stream.ToArray());
    }
}
