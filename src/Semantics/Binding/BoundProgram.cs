using System.Collections.Immutable;
using BtLang.Diagnostics;
using BtLang.Semantics.Symbols;

namespace BtLang.Semantics.Binding;

/// <summary>The bound form of a whole script: probes, the maps they share, settings, and the binder's diagnostics.</summary>
internal sealed class BoundProgram
{
    public BoundProgram(ImmutableArray<BoundProbe> probes, ImmutableDictionary<string, MapSymbol> maps, ProgramSettings settings, ImmutableArray<Diagnostic> diagnostics)
    {
        Probes = probes;
        Maps = maps;
        Settings = settings;
        Diagnostics = diagnostics;
    }

    public ImmutableArray<BoundProbe> Probes { get; }

    public ImmutableDictionary<string, MapSymbol> Maps { get; }

    public ProgramSettings Settings { get; }

    public ImmutableArray<Diagnostic> Diagnostics { get; }
}
