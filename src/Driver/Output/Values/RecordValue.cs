namespace BtLang.Driver.Output;

/// <summary>A record <c>(a=1, b="x")</c> or a C struct/union value; both print as <c>{ .a = 1, .b = x }</c>. <see cref="StructName"/> is the C name for structs.</summary>
public sealed record RecordValue(System.Collections.Immutable.ImmutableArray<RecordField> Fields, string? StructName = null) : Value;
