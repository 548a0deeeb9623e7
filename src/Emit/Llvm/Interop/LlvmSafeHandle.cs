using System.Runtime.InteropServices;

namespace BtLang.Emit.Llvm.Interop;

/// <summary>
/// Base of the SafeHandles for owned LLVM objects. An object that lives inside another one (a module inside its
/// context, a builder using its context, a DIBuilder over its module) keeps its owner alive with a reference count,
/// so the owner is never disposed first (disposing a context frees its modules: a later module dispose would then
/// free twice).
/// </summary>
internal abstract class LlvmSafeHandle : SafeHandle
{
    private SafeHandle? _owner;

    protected LlvmSafeHandle()
        : base(nint.Zero, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == nint.Zero;

    /// <summary>Keeps <paramref name="owner"/> alive until this handle is released.</summary>
    internal void SetOwner(SafeHandle owner)
    {
        bool added = false;
        owner.DangerousAddRef(ref added);
        if (added)
        {
            _owner = owner;
        }
    }

    protected sealed override bool ReleaseHandle()
    {
        Free(handle);
        _owner?.DangerousRelease();
        _owner = null;
        return true;
    }

    protected abstract void Free(nint pointer);
}
