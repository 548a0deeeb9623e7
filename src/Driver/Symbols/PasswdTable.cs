using System.Globalization;

namespace BtLang.Driver.Symbols;

/// <summary>User names by uid from an <c>/etc/passwd</c>-format file.</summary>
public sealed class PasswdTable
{
    private readonly Dictionary<uint, string> _names;

    private PasswdTable(Dictionary<uint, string> names) => _names = names;

    /// <summary>Reads a passwd file; an unreadable file gives an empty table.</summary>
    public static PasswdTable Load(string path)
    {
        try
        {
            return File.Exists(path) ? Parse(File.ReadAllText(path)) : new PasswdTable([]);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new PasswdTable([]);
        }
    }

    /// <summary>Parses <c>name:x:uid:gid:...</c> lines; the first name of a uid wins.</summary>
    public static PasswdTable Parse(string text)
    {
        var names = new Dictionary<uint, string>();
        foreach (var line in text.Split('\n'))
        {
            var fields = line.Split(':');
            if (fields.Length >= 3 && fields[0].Length > 0 && !fields[0].StartsWith('#')
                && uint.TryParse(fields[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out uint uid))
            {
                names.TryAdd(uid, fields[0]);
            }
        }
        return new PasswdTable(names);
    }

    /// <summary>The user name of <paramref name="uid"/>, or null.</summary>
    public string? NameOf(uint uid) => _names.GetValueOrDefault(uid);
}
