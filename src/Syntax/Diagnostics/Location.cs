using Microsoft.CodeAnalysis.Text;

namespace BtLang.Diagnostics;

/// <summary>A span in a named source text. <see cref="None"/> is used for diagnostics that have no place in a file.</summary>
public sealed class Location : IEquatable<Location>
{
    public static readonly Location None = new(null, string.Empty, default);

    public Location(SourceText? text, string path, TextSpan span)
    {
        Text = text;
        Path = path;
        Span = span;
    }

    public SourceText? Text { get; }

    /// <summary>The name shown to users: a file path, or <c>stdin</c> for <c>-e</c> programs.</summary>
    public string Path { get; }

    public TextSpan Span { get; }

    public bool IsInSource => Text is not null;

    public LinePositionSpan GetLineSpan() => Text is null ? default : Text.Lines.GetLinePositionSpan(Span);

    public bool Equals(Location? other) =>
        other is not null && ReferenceEquals(Text, other.Text) && Path == other.Path && Span == other.Span;

    public override bool Equals(object? obj) => Equals(obj as Location);

    public override int GetHashCode() => HashCode.Combine(Path, Span);

    public override string ToString() => IsInSource ? $"{Path}{Span}" : "<none>";
}
