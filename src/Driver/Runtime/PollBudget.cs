using BtLang.Driver.LibBpf;

namespace BtLang.Driver.Runtime;

/// <summary>
/// Bounds one ring buffer poll. libbpf's poll keeps consuming while records keep arriving, so under an event storm
/// (or when our own output writes feed a syscall probe) it would never return and exit()/signals would go unseen.
/// After <see cref="MaxRecordsPerPoll"/> records, or once a stop was requested, the handler throws a private
/// exception that libbpf turns into "stop this poll"; <see cref="Poll"/> swallows it so the loop can look around.
/// </summary>
internal sealed class PollBudget
{
    public const int MaxRecordsPerPoll = 4096;

    private readonly EventDispatcher _dispatcher;
    private readonly Func<bool> _stopRequested;
    private int _handled;
    private bool _draining;

    public PollBudget(EventDispatcher dispatcher, Func<bool> stopRequested)
    {
        _dispatcher = dispatcher;
        _stopRequested = stopRequested;
    }

    public void Handle(ReadOnlySpan<byte> record)
    {
        _dispatcher.Handle(record);
        if (_draining)
        {
            return;
        }

        if (++_handled >= MaxRecordsPerPoll || _dispatcher.ExitCode is not null || _stopRequested())
        {
            throw new BudgetSpentException();
        }
    }

    public void Poll(RingBuffer ring, int timeoutMs)
    {
        _handled = 0;
        try
        {
            ring.Poll(timeoutMs);
        }
        catch (BudgetSpentException)
        {
            // The record that spent the budget was handled; the rest stays in the ring for the next poll.
        }
    }

    /// <summary>Handles everything left in the ring, unbounded: only call it once the programs are stopped.</summary>
    public void Drain(RingBuffer ring)
    {
        _draining = true;
        ring.Consume();
    }

    private sealed class BudgetSpentException : Exception
    {
    }
}
