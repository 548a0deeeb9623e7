using System.Text.Json.Serialization;

namespace BtLang.Emit.Metadata;

/// <summary>Source-generated JSON (de)serialisation of <see cref="ObjectMetadata"/> (no reflection, Native AOT safe).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(ObjectMetadata))]
internal sealed partial class MetadataJsonContext : JsonSerializerContext;
