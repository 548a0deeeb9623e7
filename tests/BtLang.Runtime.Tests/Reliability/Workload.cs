using System.Runtime.InteropServices;

namespace BtLang.Runtime.Tests.Reliability;

/// <summary>
/// A workload thread of the test process itself: it reports its tid (so a probe can filter on exactly it), waits
/// to be released, then makes a known number of getpid() syscalls, which is the independent count to compare with.
/// </summary>
internal sealed partial class Workload : IDisposable
{
    private readonly Thread _thread;
    private readonly ManualResetEventSlim _ready = new();
    private readonly ManualResetEventSlim _go = new();
    private readonly ManualResetEventSlim _done = new();
    private readonly Func<bool> _keepGoing;
    private volatile bool _cancelled;
    private int _tid;

    /// <summary>A thread that makes exactly <paramref name="calls"/> getpid() calls once started (or keeps calling while <paramref name="keepGoing"/> is true, when calls is 0).</summary>
    public Workload(long calls, Func<bool>? keepGoing = null)
    {
        _keepGoing = keepGoing ?? (() => false);
        _thread = new Thread(() => Body(calls)) { IsBackground = true, Name = "getpid-workload" };
        _thread.Start();
        _ready.Wait();
    }

    public int Tid => _tid;

    /// <summary>How many getpid() calls the workload made (valid once it finished).</summary>
    public long Calls { get; private set; }

    public void Start() => _go.Set();

    public void WaitUntilDone(TimeSpan timeout) => Assert.True(_done.Wait(timeout), "the workload did not finish");

    public void Dispose()
    {
        _cancelled = true;
        _go.Set();
        _thread.Join(TimeSpan.FromSeconds(30));
    }

    private void Body(long calls)
    {
        _tid = gettid();
        _ready.Set();
        _go.Wait();
        long made = 0;
        while (!_cancelled && (calls > 0 ? made < calls : _keepGoing()))
        {
            getpid();
            made++;
        }

        Calls = made;
        _done.Set();
    }

    [LibraryImport("libc")]
    private static partial int getpid();

    [LibraryImport("libc")]
    private static partial int gettid();
}
