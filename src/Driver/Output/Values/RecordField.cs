namespace BtLang.Driver.Output;

/// <summary>One named field of a <see cref="RecordValue"/>.</summary>
public sealed record RecordField(string Name, Value Value);
