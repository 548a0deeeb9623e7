using BtLang.Emit.Llvm;
using BtLang.Semantics.Binding;
using BtLang.Semantics.Types;

namespace BtLang.Emit.CodeGen;

internal sealed partial class ProgramGenerator
{
    /// <summary>
    /// <c>tseries(v, interval, n [, agg])</c>, laid out as bpftrace does: the interval number (epoch) is CLOCK_TAI
    /// divided by the interval, the BPF key is (script key, epoch % n), and this CPU's slot holds (value, meta, epoch).
    /// With an aggregation a slot still holding an older epoch starts over; without one the last write wins and meta
    /// records when it happened, so user space can pick the latest write over all CPUs.
    /// </summary>
    private void EmitTSeries(MapLayout layout, BoundExpression? key, AggregateType aggregate, LlvmValue value)
    {
        var now = Helper(BpfHelper.KtimeGetTaiNs, I64);
        var epoch = _b.UDiv(now, _c.ConstI64(aggregate.IntervalNs));
        var slot = _b.URem(epoch, _c.ConstI64(aggregate.IntervalCount));

        void Apply(LlvmValue pointer)
        {
            var metaPointer = _b.ByteOffset(pointer, 8);
            var epochPointer = _b.ByteOffset(pointer, 16);
            var stale = _b.ICmp(LlvmIntPredicate.NotEqual, _b.Load(I64, epochPointer, 8), epoch);
            var oldValue = _b.Select(stale, _c.ConstI64(0), _b.Load(I64, pointer, 8));
            var oldMeta = _b.Select(stale, _c.ConstI64(0), _b.Load(I64, metaPointer, 8));
            LlvmValue newValue;
            LlvmValue newMeta;
            switch (aggregate.TSeriesFunction)
            {
                case TSeriesFunction.Avg:
                    newValue = _b.Add(oldValue, value);
                    newMeta = _b.Add(oldMeta, _c.ConstI64(1));
                    break;
                case TSeriesFunction.Sum:
                    newValue = _b.Add(oldValue, value);
                    newMeta = oldMeta;
                    break;
                case TSeriesFunction.Min:
                case TSeriesFunction.Max:
                    var predicate = aggregate.TSeriesFunction == TSeriesFunction.Min
                        ? (aggregate.IsSigned ? LlvmIntPredicate.SignedLess : LlvmIntPredicate.UnsignedLess)
                        : (aggregate.IsSigned ? LlvmIntPredicate.SignedGreater : LlvmIntPredicate.UnsignedGreater);
                    var better = _b.Or(_b.ICmp(LlvmIntPredicate.Equal, oldMeta, _c.ConstI64(0)), _b.ICmp(predicate, value, oldValue));
                    newValue = _b.Select(better, value, oldValue);
                    newMeta = _c.ConstI64(1);
                    break;
                default:
                    newValue = value;
                    newMeta = now;
                    break;
            }

            _b.Store(newValue, pointer, 8);
            _b.Store(newMeta, metaPointer, 8);
            _b.Store(epoch, epochPointer, 8);
        }

        UpdateSlot(layout, key, slot, Apply, Apply);
    }
}
