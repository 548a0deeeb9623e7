using System.Text.Json;

namespace BtLang.Emit.Metadata;

/// <summary>Reads and writes the JSON stored in an object's <see cref="ObjectMetadata.SectionName"/> section.</summary>
public static class MetadataSerializer
{
    public static byte[] Serialize(ObjectMetadata metadata) =>
        JsonSerializer.SerializeToUtf8Bytes(metadata, MetadataJsonContext.Default.ObjectMetadata);

    /// <summary>Reads the metadata section of a BtLang object; false (with a reason) when the file is not one.</summary>
    public static bool TryReadFromObject(ReadOnlySpan<byte> elf, out ObjectMetadata? metadata, out string? error)
    {
        metadata = null;
        if (!Btf.ElfSectionReader.TryReadSection(elf, ObjectMetadata.SectionName, out var json))
        {
            error = $"not a BtLang object (no {ObjectMetadata.SectionName} section); compile it with `btlang compile`";
            return false;
        }

        try
        {
            metadata = Deserialize(json);
            error = null;
            return true;
        }
        catch (Exception e) when (e is JsonException or InvalidDataException)
        {
            error = $"unreadable BtLang metadata: {e.Message}";
            return false;
        }
    }

    /// <summary>Parses metadata; throws <see cref="JsonException"/> or <see cref="InvalidDataException"/> on bad input.</summary>
    public static ObjectMetadata Deserialize(ReadOnlySpan<byte> json)
    {
        var metadata = JsonSerializer.Deserialize(json, MetadataJsonContext.Default.ObjectMetadata)
            ?? throw new InvalidDataException("empty BtLang metadata");
        if (metadata.Version != ObjectMetadata.CurrentVersion)
        {
            throw new InvalidDataException($"BtLang metadata version {metadata.Version} is not supported (expected {ObjectMetadata.CurrentVersion})");
        }

        return metadata;
    }
}
