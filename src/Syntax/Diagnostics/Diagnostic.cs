using System.Collections.Immutable;
using System.Globalization;

namespace BtLang.Diagnostics;

/// <summary>
/// One immutable diagnostic: descriptor (ID and severity), a formatted message, its location, optional hints
/// (printed as <c>HINT:</c> lines) and related locations (for the language server's related information).
/// </summary>
public sealed class Diagnostic
{
    private Diagnostic(
        DiagnosticDescriptor descriptor,
        Location location,
        string message,
        ImmutableArray<string> hints,
        ImmutableArray<Location> relatedLocations,
        DiagnosticSeverity severity)
    {
        Descriptor = descriptor;
        Location = location;
        Message = message;
        Hints = hints;
        RelatedLocations = relatedLocations;
        Severity = severity;
    }

    public static Diagnostic Create(DiagnosticDescriptor descriptor, Location location, params object?[] args) =>
        new(descriptor, location, Format(descriptor, args), ImmutableArray<string>.Empty, ImmutableArray<Location>.Empty, descriptor.Severity);

    public DiagnosticDescriptor Descriptor { get; }

    public string Id => Descriptor.Id;

    public DiagnosticSeverity Severity { get; }

    public Location Location { get; }

    public string Message { get; }

    public ImmutableArray<string> Hints { get; }

    public ImmutableArray<Location> RelatedLocations { get; }

    public bool IsError => Severity == DiagnosticSeverity.Error;

    public Diagnostic WithHint(string hint) =>
        new(Descriptor, Location, Message, Hints.Add(hint), RelatedLocations, Severity);

    public Diagnostic WithRelatedLocation(Location location) =>
        new(Descriptor, Location, Message, Hints, RelatedLocations.Add(location), Severity);

    public Diagnostic WithLocation(Location location) =>
        new(Descriptor, location, Message, Hints, RelatedLocations, Severity);

    public Diagnostic WithSeverity(DiagnosticSeverity severity) =>
        new(Descriptor, Location, Message, Hints, RelatedLocations, severity);

    public override string ToString() => $"{Location}: {Id}: {Message}";

    private static string Format(DiagnosticDescriptor descriptor, object?[] args) =>
        args.Length == 0 ? descriptor.MessageFormat : string.Format(CultureInfo.InvariantCulture, descriptor.MessageFormat, args);
}
