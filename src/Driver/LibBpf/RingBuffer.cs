using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Runtime.InteropServices;
using BtLang.Diagnostics;

namespace BtLang.Driver.LibBpf;

/// <summary>
/// Reads records from one or more BPF ring buffer maps (<c>ring_buffer__new</c>/<c>__add</c>/<c>__poll</c>).
/// Handlers run on the thread that calls <see cref="Poll"/> or <see cref="Consume"/>. If a handler throws, the
/// record still counts as consumed, the rest of that poll is skipped, and Poll rethrows the exception on the
/// caller's thread (nothing unwinds through libbpf). Poll and Dispose may be called from different threads.
/// </summary>
public sealed unsafe class RingBuffer : IDisposable
{
    private readonly object _gate = new();
    private readonly RingBufferHandle _handle;
    private readonly List<GCHandle> _contexts;
    private ExceptionDispatchInfo? _pendingException;

    private RingBuffer(RingBufferHandle handle, GCHandle firstContext)
    {
        _handle = handle;
        _contexts = new List<GCHandle> { firstContext };
    }

    /// <summary>Records delivered to handlers so far.</summary>
    public long RecordCount { get; private set; }

    /// <summary>Creates a reader for <paramref name="map"/> (a <see cref="BpfMapType.RingBuffer"/> map of a loaded object).</summary>
    public static bool TryCreate(BpfMap map, RingBufferHandler handler, [NotNullWhen(true)] out RingBuffer? ringBuffer, [NotNullWhen(false)] out Diagnostic? error)
    {
        LibBpfLog.EnsureInstalled();
        if (map.Type != BpfMapType.RingBuffer)
        {
            ringBuffer = null;
            error = Diagnostic.Create(LibBpfDiagnostics.RingBufferFailed, Location.None, map.Name, $"it is a {map.Type} map, not a ring buffer");
            return false;
        }

        var state = new Subscription(handler);
        var context = GCHandle.Alloc(state);
        state.Owner = null;
        nint pointer = LibBpfNative.ring_buffer__new(map.Fd, &OnSample, GCHandle.ToIntPtr(context), null);
        if (pointer == 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            context.Free();
            ringBuffer = null;
            error = Diagnostic.Create(LibBpfDiagnostics.RingBufferFailed, Location.None, map.Name, LibBpfErrors.Describe(errno));
            return false;
        }

        ringBuffer = new RingBuffer(new RingBufferHandle(pointer), context);
        state.Owner = ringBuffer;
        error = null;
        return true;
    }

    /// <summary>Adds another ring buffer map to the same reader (one poll serves all of them).</summary>
    public void Add(BpfMap map, RingBufferHandler handler)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
            var state = new Subscription(handler) { Owner = this };
            var context = GCHandle.Alloc(state);
            int result = LibBpfNative.ring_buffer__add(_handle.DangerousGetHandle(), map.Fd, &OnSample, GCHandle.ToIntPtr(context));
            if (result < 0)
            {
                context.Free();
                throw new LibBpfException($"ring_buffer__add({map.Name})", -result);
            }

            _contexts.Add(context);
        }
    }

    /// <summary>
    /// Waits up to <paramref name="timeoutMs"/> (-1: forever) for records and hands each to its handler. Returns
    /// the number of records handled. An interrupted wait (EINTR, e.g. a signal) returns 0.
    /// </summary>
    public int Poll(int timeoutMs)
    {
        int result;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
            result = LibBpfNative.ring_buffer__poll(_handle.DangerousGetHandle(), timeoutMs);
        }

        return Finish(result, "ring_buffer__poll");
    }

    /// <summary>Handles every record available now without waiting (used for a last drain before exit).</summary>
    public int Consume()
    {
        int result;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
            result = LibBpfNative.ring_buffer__consume(_handle.DangerousGetHandle());
        }

        return Finish(result, "ring_buffer__consume");
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_handle.IsClosed)
            {
                return;
            }

            _handle.Dispose();
            foreach (var context in _contexts)
            {
                context.Free();
            }

            _contexts.Clear();
        }
    }

    private int Finish(int result, string operation)
    {
        var pending = Interlocked.Exchange(ref _pendingException, null);
        pending?.Throw();
        if (result == -4)
        {
            return 0; // EINTR
        }

        if (result < 0)
        {
            throw new LibBpfException(operation, -result);
        }

        return result;
    }

    [UnmanagedCallersOnly(CallConvs = new[] { typeof(CallConvCdecl) })]
    private static int OnSample(nint context, nint data, nuint size)
    {
        Subscription? state = null;
        try
        {
            state = (Subscription?)GCHandle.FromIntPtr(context).Target;
            if (state is null)
            {
                return 0;
            }

            state.Handler(new ReadOnlySpan<byte>((void*)data, checked((int)size)));
            if (state.Owner is { } owner)
            {
                owner.RecordCount++;
            }

            return 0;
        }
        catch (Exception exception)
        {
            if (state?.Owner is { } owner)
            {
                owner._pendingException = ExceptionDispatchInfo.Capture(exception);
            }

            return -1; // libbpf stops this poll and returns the error; Finish rethrows.
        }
    }

    private sealed class Subscription
    {
        public Subscription(RingBufferHandler handler)
        {
            Handler = handler;
        }

        public RingBufferHandler Handler { get; }

        public RingBuffer? Owner { get; set; }
    }
}
