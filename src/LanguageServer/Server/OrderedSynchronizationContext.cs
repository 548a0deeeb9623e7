using System.Threading.Channels;

namespace BtLang.LanguageServer.Server;

/// <summary>
/// The request queue: runs posted callbacks one at a time, in the order they were posted, on the thread pool.
/// StreamJsonRpc posts every incoming request and notification here, so handlers start in message order; a callback
/// ends when its async handler first yields. Mutations (didOpen/didChange/didClose) are synchronous and so fully
/// ordered; read requests take their document snapshot synchronously and then leave the queue for the thread pool.
/// </summary>
internal sealed class OrderedSynchronizationContext : SynchronizationContext
{
    private readonly Channel<(SendOrPostCallback Callback, object? State)> _queue =
        Channel.CreateUnbounded<(SendOrPostCallback, object?)>(new UnboundedChannelOptions { SingleReader = true });

    private readonly Action<Exception> _onError;

    public OrderedSynchronizationContext(Action<Exception> onError)
    {
        _onError = onError;
        _ = Task.Run(PumpAsync);
    }

    public override void Post(SendOrPostCallback d, object? state) => _queue.Writer.TryWrite((d, state));

    public override void Send(SendOrPostCallback d, object? state) => throw new NotSupportedException();

    public override SynchronizationContext CreateCopy() => this;

    /// <summary>Stops the pump after the queued callbacks.</summary>
    public void Complete() => _queue.Writer.TryComplete();

    private async Task PumpAsync()
    {
        await foreach (var (callback, state) in _queue.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            try
            {
                callback(state);
            }
            catch (Exception e)
            {
                _onError(e);
            }
        }
    }
}
