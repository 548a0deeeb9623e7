using System.Collections.Immutable;

namespace BtLang.Semantics.CImports;

/// <summary>
/// A global function of an imported BPF C file that scripts may call by name: its integer parameters and its
/// integer return type (<see langword="null"/> for <c>void</c>), read from the compiled object's BTF.
/// </summary>
internal sealed record ExternFunction(string Name, ImmutableArray<ExternScalarType> Parameters, ExternScalarType? ReturnType, string SourcePath);
