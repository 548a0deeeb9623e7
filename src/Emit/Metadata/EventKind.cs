namespace BtLang.Emit.Metadata;

/// <summary>
/// Kinds of records sent through the ring buffer. Every record starts with an 8-byte header
/// <c>struct { u32 kind; u32 id; }</c>; the payload follows at offset 8, laid out as described by the metadata
/// entry that <c>id</c> names.
/// </summary>
public enum EventKind : uint
{
    /// <summary>id: index into <see cref="ObjectMetadata.Formats"/>; payload: its Arguments tuple.</summary>
    Printf = 1,

    /// <summary>id: unused; payload: s64 exit code.</summary>
    Exit = 2,

    /// <summary>id: index into <see cref="ObjectMetadata.Maps"/>; payload: s64 top, s64 div (0 = all / no division).</summary>
    PrintMap = 3,

    /// <summary>id: index into <see cref="ObjectMetadata.Formats"/> (Format unused); payload: the value tuple (one field).</summary>
    PrintValue = 4,

    /// <summary>id: index into <see cref="ObjectMetadata.Formats"/> (Format is the strftime format); no payload.</summary>
    Time = 5,

    /// <summary>id: index into <see cref="ObjectMetadata.Maps"/>; clears the map in user space.</summary>
    Clear = 6,

    /// <summary>id: index into <see cref="ObjectMetadata.Maps"/>; zeroes the map in user space.</summary>
    Zero = 7,

    /// <summary>id: index into <see cref="ObjectMetadata.Formats"/> (Format is the path format); payload: arguments.</summary>
    Cat = 8,

    /// <summary>id: index into <see cref="ObjectMetadata.Formats"/> (Format is the command format); payload: arguments.</summary>
    System = 9,

    /// <summary>id: index into <see cref="ObjectMetadata.Formats"/> (Format is the separator); payload: the joined strings.</summary>
    Join = 10,

    /// <summary>
    /// <c>print(@m[k])</c> of an aggregation map: id: index into <see cref="ObjectMetadata.Maps"/>; payload: the script key
    /// (the map's key without a histogram bucket), whose element user space reads and prints as a value.
    /// </summary>
    PrintMapEntry = 11,

    /// <summary>A runtime helper error (with -k): id = index into Formats (Format is the helper name); payload s64 return code.</summary>
    HelperError = 12,

    /// <summary><c>unwatch(addr)</c>: id unused; payload: u64 address whose watchpoints user space detaches.</summary>
    Unwatch = 40,
}
