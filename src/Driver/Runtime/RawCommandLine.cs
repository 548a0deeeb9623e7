using System.Text;

namespace BtLang.Driver.Runtime;

/// <summary>
/// The bytes of this process's own arguments as the kernel holds them (<c>/proc/self/cmdline</c>). .NET hands
/// <c>Main</c> its arguments decoded as UTF-8, so bytes that are not UTF-8 (a file name in another encoding, say) come
/// out as U+FFFD; where an argument must reach a child process unchanged (<c>-c CMD</c>), its bytes are read here.
/// </summary>
internal static class RawCommandLine
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// The raw bytes of the value <paramref name="decoded"/> of option <paramref name="shortName"/>/<paramref name="longName"/>
    /// when they are not valid UTF-8 (<c>-c CMD</c>, <c>-cCMD</c>, <c>--cmd CMD</c>, <c>--cmd=CMD</c>); null when the
    /// text is exact (valid UTF-8) or the argument is not found (arguments that did not come from this process's argv).
    /// </summary>
    public static byte[]? NonUtf8OptionValue(string decoded, char shortName, string longName)
    {
        var raw = ReadOwnArguments();
        var args = Environment.GetCommandLineArgs();
        if (raw is null || args.Length < 1 || raw.Count < args.Length - 1)
        {
            return null;
        }

        // cmdline holds the host's own words first (`dotnet app.dll`) then the arguments Main received.
        var rawArgs = raw.GetRange(raw.Count - (args.Length - 1), args.Length - 1);
        for (int i = 0; i < rawArgs.Count; i++)
        {
            string text = args[i + 1];
            byte[]? value = null;
            if (text == decoded && i > 0 && (args[i] == "-" + shortName || args[i] == "--" + longName))
            {
                value = rawArgs[i];
            }
            else if (text == "-" + shortName + decoded)
            {
                value = rawArgs[i][2..];
            }
            else if (text == "--" + longName + "=" + decoded)
            {
                value = rawArgs[i][(longName.Length + 3)..];
            }

            if (value is not null)
            {
                return IsUtf8(value) ? null : value;
            }
        }

        return null;
    }

    private static bool IsUtf8(byte[] bytes)
    {
        try
        {
            StrictUtf8.GetCharCount(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    private static List<byte[]>? ReadOwnArguments()
    {
        byte[] all;
        try
        {
            all = File.ReadAllBytes("/proc/self/cmdline");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        var result = new List<byte[]>();
        int start = 0;
        for (int i = 0; i < all.Length; i++)
        {
            if (all[i] == 0)
            {
                result.Add(all[start..i]);
                start = i + 1;
            }
        }

        if (start < all.Length)
        {
            result.Add(all[start..]);
        }

        return result;
    }
}
