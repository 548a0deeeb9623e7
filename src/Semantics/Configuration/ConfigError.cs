using BtLang.Diagnostics;

namespace BtLang.Semantics.Configuration;

/// <summary>
/// One rejected configuration value: from the environment (<see cref="EntryIndex"/> is -1 and <see cref="Key"/>
/// is the variable's name) or from a script's config block (the entry's index and key as written).
/// The compiler turns it into a diagnostic with <see cref="Descriptor"/> at the entry's span.
/// </summary>
public sealed record ConfigError(int EntryIndex, string Key, DiagnosticDescriptor Descriptor, string Message);
