using System.Collections.Immutable;

namespace BtLang.Driver.LibBpf;

/// <summary>
/// Collects the libbpf messages printed on the current async flow while it is active (see
/// <see cref="LibBpfLog.BeginCapture"/>). Dispose it to stop capturing. Tests use it to treat libbpf warnings as failures.
/// </summary>
public sealed class LibBpfLogCapture : IDisposable
{
    private readonly object _gate = new();
    private readonly List<LibBpfMessage> _messages = new();
    private readonly LibBpfLogCapture? _outer;
    private bool _disposed;

    internal LibBpfLogCapture(LibBpfLogCapture? outer)
    {
        _outer = outer;
    }

    /// <summary>A snapshot of the messages captured so far.</summary>
    public ImmutableArray<LibBpfMessage> Messages
    {
        get
        {
            lock (_gate)
            {
                return _messages.ToImmutableArray();
            }
        }
    }

    /// <summary>The captured warnings only.</summary>
    public ImmutableArray<LibBpfMessage> Warnings => Messages.Where(m => m.Level == LibBpfLogLevel.Warning).ToImmutableArray();

    internal void Add(LibBpfMessage message)
    {
        lock (_gate)
        {
            _messages.Add(message);
        }

        _outer?.Add(message);
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        LibBpfLog.EndCapture(this, _outer);
    }
}
