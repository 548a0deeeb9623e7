namespace BtLang.Emit.Llvm;

/// <summary>Something callable: a function (or a helper address, an intrinsic) with its function type.</summary>
/// <param name="FunctionType">The LLVM function type the call is made with.</param>
/// <param name="Function">The callee value.</param>
internal readonly record struct LlvmCallee(LlvmType FunctionType, LlvmValue Function);
