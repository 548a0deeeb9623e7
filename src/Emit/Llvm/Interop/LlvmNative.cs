using System.Runtime.InteropServices;

namespace BtLang.Emit.Llvm.Interop;

/// <summary>
/// P/Invoke declarations for the LLVM-C API of Debian's libLLVM 19 (<c>libLLVM.so.19.1</c>, package libllvm19).
/// Only what the BPF code generator needs. Borrowed references are the opaque structs <see cref="LlvmValue"/>,
/// <see cref="LlvmType"/>, <see cref="LlvmBlock"/> and <see cref="LlvmMetadata"/>; owned objects are SafeHandles.
/// Strings passed with an explicit length are UTF-8; the caller passes the UTF-8 byte count.
/// </summary>
internal static unsafe partial class LlvmNative
{
    internal const string Library = "LLVM";

    static LlvmNative() => LlvmLibrary.RegisterResolver();

    // ---- Errors, messages ------------------------------------------------------------------------------------
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial void LLVMDisposeMessage(nint message);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial nint LLVMGetErrorMessage(nint error);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial void LLVMDisposeErrorMessage(nint message);

    [LibraryImport(Library)] internal static partial void LLVMInstallFatalErrorHandler(delegate* unmanaged<nint, void> handler);

    // ---- Context ----------------------------------------------------------------------------------------------
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial ContextHandle LLVMContextCreate();
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial void LLVMContextDispose(nint context);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void LLVMContextSetDiagnosticHandler(ContextHandle context, delegate* unmanaged<nint, nint, void> handler, nint diagnosticContext);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial nint LLVMGetDiagInfoDescription(nint diagnosticInfo);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial int LLVMGetDiagInfoSeverity(nint diagnosticInfo);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial uint LLVMGetMDKindIDInContext(ContextHandle context, string name, uint length);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial uint LLVMGetEnumAttributeKindForName(string name, nuint length);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial nint LLVMCreateEnumAttribute(ContextHandle context, uint kind, ulong value);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial nint LLVMCreateTypeAttribute(ContextHandle context, uint kind, LlvmType type);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial nint LLVMCreateStringAttribute(ContextHandle context, string key, uint keyLength, string value, uint valueLength);

    // ---- Module -----------------------------------------------------------------------------------------------
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial LlvmModuleHandle LLVMModuleCreateWithNameInContext(string name, ContextHandle context);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial void LLVMDisposeModule(nint module);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial void LLVMSetTarget(LlvmModuleHandle module, string triple);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial void LLVMSetDataLayout(LlvmModuleHandle module, string dataLayout);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial nint LLVMPrintModuleToString(LlvmModuleHandle module);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial void LLVMAddModuleFlag(LlvmModuleHandle module, int behavior, string key, nuint keyLength, LlvmMetadata value);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial int LLVMVerifyModule(LlvmModuleHandle module, int action, out nint message);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial LlvmValue LLVMAddGlobal(LlvmModuleHandle module, LlvmType type, string name);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial LlvmValue LLVMGetNamedGlobal(LlvmModuleHandle module, string name);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial LlvmValue LLVMAddFunction(LlvmModuleHandle module, string name, LlvmType functionType);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial LlvmValue LLVMGetNamedFunction(LlvmModuleHandle module, string name);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial uint LLVMLookupIntrinsicID(string name, nuint length);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial LlvmValue LLVMGetIntrinsicDeclaration(LlvmModuleHandle module, uint id, LlvmType* overloadTypes, nuint count);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial LlvmType LLVMIntrinsicGetType(ContextHandle context, uint id, LlvmType* overloadTypes, nuint count);

    // ---- Types ------------------------------------------------------------------------------------------------
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial LlvmType LLVMVoidTypeInContext(ContextHandle context);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial LlvmType LLVMIntTypeInContext(ContextHandle context, uint bits);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial LlvmType LLVMPointerTypeInContext(ContextHandle context, uint addressSpace);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial LlvmType LLVMArrayType2(LlvmType elementType, ulong count);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial LlvmType LLVMStructTypeInContext(ContextHandle context, LlvmType* elements, uint count, int packed);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial LlvmType LLVMStructCreateNamed(ContextHandle context, string name);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial void LLVMStructSetBody(LlvmType structType, LlvmType* elements, uint count, int packed);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial LlvmType LLVMFunctionType(LlvmType returnType, LlvmType* parameters, uint count, int isVarArg);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial int LLVMGetTypeKind(LlvmType type);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial uint LLVMGetIntTypeWidth(LlvmType type);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial ulong LLVMGetArrayLength2(LlvmType type);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial LlvmType LLVMGetElementType(LlvmType type);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial uint LLVMCountStructElementTypes(LlvmType type);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial LlvmType LLVMStructGetTypeAtIndex(LlvmType type, uint index);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial LlvmType LLVMGetReturnType(LlvmType functionType);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial nint LLVMPrintTypeToString(LlvmType type);

    // ---- Values, constants ------------------------------------------------------------------------------------
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial LlvmType LLVMTypeOf(LlvmValue value);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial LlvmType LLVMGlobalGetValueType(LlvmValue global);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial void LLVMSetValueName2(LlvmValue value, string name, nuint length);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial nint LLVMGetValueName2(LlvmValue value, out nuint length);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial nint LLVMPrintValueToString(LlvmValue value);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial int LLVMIsConstant(LlvmValue value);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial LlvmValue LLVMConstInt(LlvmType type, ulong value, int signExtend);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial ulong LLVMConstIntGetZExtValue(LlvmValue value);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial LlvmValue LLVMIsAConstantInt(LlvmValue value);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial LlvmValue LLVMConstNull(LlvmType type);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial LlvmValue LLVMConstAllOnes(LlvmType type);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial LlvmValue LLVMGetUndef(LlvmType type);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial LlvmValue LLVMGetPoison(LlvmType type);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial LlvmValue LLVMConstStringInContext2(ContextHandle context, byte* bytes, nuint length, int dontNullTerminate);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial LlvmValue LLVMConstArray2(LlvmType elementType, LlvmValue* values, ulong count);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial LlvmValue LLVMConstStructInContext(ContextHandle context, LlvmValue* values, uint count, int packed);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial LlvmValue LLVMConstNamedStruct(LlvmType structType, LlvmValue* values, uint count);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial LlvmValue LLVMConstIntToPtr(LlvmValue value, LlvmType pointerType);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial LlvmMetadata LLVMValueAsMetadata(LlvmValue value);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial LlvmValue LLVMMetadataAsValue(ContextHandle context, LlvmMetadata metadata);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial LlvmMetadata LLVMMDStringInContext2(ContextHandle context, string text, nuint length);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial LlvmMetadata LLVMMDNodeInContext2(ContextHandle context, LlvmMetadata* nodes, nuint count);

    // ---- Globals, functions -----------------------------------------------------------------------------------
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial void LLVMSetInitializer(LlvmValue global, LlvmValue value);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial void LLVMSetGlobalConstant(LlvmValue global, int isConstant);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial void LLVMSetExternallyInitialized(LlvmValue global, int isExternallyInitialized);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial void LLVMSetLinkage(LlvmValue global, int linkage);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial void LLVMSetSection(LlvmValue global, string section);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial void LLVMSetAlignment(LlvmValue value, uint bytes);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial void LLVMSetVolatile(LlvmValue memoryAccess, int isVolatile);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial void LLVMGlobalSetMetadata(LlvmValue global, uint kind, LlvmMetadata metadata);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial void LLVMSetMetadata(LlvmValue instruction, uint kind, LlvmValue metadataAsValue);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial LlvmValue LLVMGetParam(LlvmValue function, uint index);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial uint LLVMCountParams(LlvmValue function);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial void LLVMAddAttributeAtIndex(LlvmValue function, uint index, nint attribute);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial void LLVMAddCallSiteAttribute(LlvmValue call, uint index, nint attribute);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial void LLVMSetSubprogram(LlvmValue function, LlvmMetadata subprogram);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial LlvmBlock LLVMGetEntryBasicBlock(LlvmValue function);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial LlvmBlock LLVMAppendBasicBlockInContext(ContextHandle context, LlvmValue function, string name);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial LlvmBlock LLVMInsertBasicBlockInContext(ContextHandle context, LlvmBlock before, string name);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial void LLVMMoveBasicBlockAfter(LlvmBlock block, LlvmBlock after);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial LlvmValue LLVMGetBasicBlockParent(LlvmBlock block);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial LlvmValue LLVMGetBasicBlockTerminator(LlvmBlock block);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial LlvmValue LLVMGetFirstInstruction(LlvmBlock block);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial LlvmValue LLVMGetLastInstruction(LlvmBlock block);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial LlvmValue LLVMGetNextInstruction(LlvmValue instruction);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial LlvmValue LLVMIsAAllocaInst(LlvmValue value);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial void LLVMAddIncoming(LlvmValue phi, LlvmValue* values, LlvmBlock* blocks, uint count);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial void LLVMAddCase(LlvmValue @switch, LlvmValue onValue, LlvmBlock destination);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial void LLVMSetNUW(LlvmValue instruction, int value);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial void LLVMSetNSW(LlvmValue instruction, int value);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial void LLVMInstructionSetDebugLoc(LlvmValue instruction, LlvmMetadata location);

    // ---- IR builder -------------------------------------------------------------------------------------------
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial BuilderHandle LLVMCreateBuilderInContext(ContextHandle context);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial void LLVMDisposeBuilder(nint builder);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial void LLVMPositionBuilderAtEnd(BuilderHandle builder, LlvmBlock block);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial void LLVMPositionBuilderBefore(BuilderHandle builder, LlvmValue instruction);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial LlvmBlock LLVMGetInsertBlock(BuilderHandle builder);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial void LLVMSetCurrentDebugLocation2(BuilderHandle builder, LlvmMetadata location);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial LlvmMetadata LLVMGetCurrentDebugLocation2(BuilderHandle builder);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial LlvmValue LLVMBuildAdd(BuilderHandle b, LlvmValue l, LlvmValue r, string name);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial LlvmValue LLVMBuildSub(BuilderHandle b, LlvmValue l, LlvmValue r, string name);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial LlvmValue LLVMBuildMul(BuilderHandle b, LlvmValue l, LlvmValue r, string name);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial LlvmValue LLVMBuildSDiv(BuilderHandle b, LlvmValue l, LlvmValue r, string name);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial LlvmValue LLVMBuildUDiv(BuilderHandle b, LlvmValue l, LlvmValue r, string name);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial LlvmValue LLVMBuildSRem(BuilderHandle b, LlvmValue l, LlvmValue r, string name);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial LlvmValue LLVMBuildURem(BuilderHandle b, LlvmValue l, LlvmValue r, string name);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial LlvmValue LLVMBuildShl(BuilderHandle b, LlvmValue l, LlvmValue r, string name);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial LlvmValue LLVMBuildLShr(BuilderHandle b, LlvmValue l, LlvmValue r, string name);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial LlvmValue LLVMBuildAShr(BuilderHandle b, LlvmValue l, LlvmValue r, string name);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial LlvmValue LLVMBuildAnd(BuilderHandle b, LlvmValue l, LlvmValue r, string name);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial LlvmValue LLVMBuildOr(BuilderHandle b, LlvmValue l, LlvmValue r, string name);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial LlvmValue LLVMBuildXor(BuilderHandle b, LlvmValue l, LlvmValue r, string name);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial LlvmValue LLVMBuildNot(BuilderHandle b, LlvmValue v, string name);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial LlvmValue LLVMBuildNeg(BuilderHandle b, LlvmValue v, string name);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial LlvmValue LLVMBuildICmp(BuilderHandle b, int predicate, LlvmValue l, LlvmValue r, string name);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial LlvmValue LLVMBuildSelect(BuilderHandle b, LlvmValue condition, LlvmValue then, LlvmValue @else, string name);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial LlvmValue LLVMBuildBr(BuilderHandle b, LlvmBlock destination);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial LlvmValue LLVMBuildCondBr(BuilderHandle b, LlvmValue condition, LlvmBlock then, LlvmBlock @else);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial LlvmValue LLVMBuildSwitch(BuilderHandle b, LlvmValue value, LlvmBlock @else, uint caseCount);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial LlvmValue LLVMBuildRet(BuilderHandle b, LlvmValue value);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial LlvmValue LLVMBuildRetVoid(BuilderHandle b);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial LlvmValue LLVMBuildUnreachable(BuilderHandle b);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial LlvmValue LLVMBuildPhi(BuilderHandle b, LlvmType type, string name);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial LlvmValue LLVMBuildAlloca(BuilderHandle b, LlvmType type, string name);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial LlvmValue LLVMBuildLoad2(BuilderHandle b, LlvmType type, LlvmValue pointer, string name);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial LlvmValue LLVMBuildStore(BuilderHandle b, LlvmValue value, LlvmValue pointer);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial LlvmValue LLVMBuildGEP2(BuilderHandle b, LlvmType type, LlvmValue pointer, LlvmValue* indices, uint count, string name);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial LlvmValue LLVMBuildInBoundsGEP2(BuilderHandle b, LlvmType type, LlvmValue pointer, LlvmValue* indices, uint count, string name);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial LlvmValue LLVMBuildStructGEP2(BuilderHandle b, LlvmType type, LlvmValue pointer, uint index, string name);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial LlvmValue LLVMBuildZExt(BuilderHandle b, LlvmValue v, LlvmType type, string name);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial LlvmValue LLVMBuildSExt(BuilderHandle b, LlvmValue v, LlvmType type, string name);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial LlvmValue LLVMBuildTrunc(BuilderHandle b, LlvmValue v, LlvmType type, string name);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial LlvmValue LLVMBuildIntCast2(BuilderHandle b, LlvmValue v, LlvmType type, int isSigned, string name);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial LlvmValue LLVMBuildPtrToInt(BuilderHandle b, LlvmValue v, LlvmType type, string name);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial LlvmValue LLVMBuildIntToPtr(BuilderHandle b, LlvmValue v, LlvmType type, string name);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial LlvmValue LLVMBuildBitCast(BuilderHandle b, LlvmValue v, LlvmType type, string name);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial LlvmValue LLVMBuildCall2(BuilderHandle b, LlvmType functionType, LlvmValue function, LlvmValue* args, uint count, string name);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial LlvmValue LLVMBuildMemSet(BuilderHandle b, LlvmValue pointer, LlvmValue value, LlvmValue length, uint align);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial LlvmValue LLVMBuildMemCpy(BuilderHandle b, LlvmValue destination, uint destinationAlign, LlvmValue source, uint sourceAlign, LlvmValue size);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial LlvmValue LLVMBuildAtomicRMW(BuilderHandle b, int operation, LlvmValue pointer, LlvmValue value, int ordering, int singleThread);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial LlvmValue LLVMBuildAtomicCmpXchg(BuilderHandle b, LlvmValue pointer, LlvmValue compare, LlvmValue replacement, int successOrdering, int failureOrdering, int singleThread);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial LlvmValue LLVMBuildExtractValue(BuilderHandle b, LlvmValue aggregate, uint index, string name);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial LlvmValue LLVMBuildInsertValue(BuilderHandle b, LlvmValue aggregate, LlvmValue element, uint index, string name);

    // ---- Debug info -------------------------------------------------------------------------------------------
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial uint LLVMDebugMetadataVersion();
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial DIBuilderHandle LLVMCreateDIBuilder(LlvmModuleHandle module);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial void LLVMDisposeDIBuilder(nint builder);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial void LLVMDIBuilderFinalize(DIBuilderHandle builder);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial void LLVMDIBuilderFinalizeSubprogram(DIBuilderHandle builder, LlvmMetadata subprogram);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial LlvmMetadata LLVMDIBuilderCreateCompileUnit(DIBuilderHandle builder, int language, LlvmMetadata file, string producer, nuint producerLength,
        int isOptimized, string flags, nuint flagsLength, uint runtimeVersion, string splitName, nuint splitNameLength, int emissionKind, uint dwoId,
        int splitDebugInlining, int debugInfoForProfiling, string sysRoot, nuint sysRootLength, string sdk, nuint sdkLength);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial LlvmMetadata LLVMDIBuilderCreateFile(DIBuilderHandle builder, string fileName, nuint fileNameLength, string directory, nuint directoryLength);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial LlvmMetadata LLVMDIBuilderCreateBasicType(DIBuilderHandle builder, string name, nuint nameLength, ulong sizeInBits, uint encoding, int flags);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial LlvmMetadata LLVMDIBuilderCreatePointerType(DIBuilderHandle builder, LlvmMetadata pointee, ulong sizeInBits, uint alignInBits, uint addressSpace, string? name, nuint nameLength);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial LlvmMetadata LLVMDIBuilderCreateArrayType(DIBuilderHandle builder, ulong sizeInBits, uint alignInBits, LlvmMetadata elementType, LlvmMetadata* subscripts, uint subscriptCount);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial LlvmMetadata LLVMDIBuilderGetOrCreateSubrange(DIBuilderHandle builder, long lowerBound, long count);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial LlvmMetadata LLVMDIBuilderGetOrCreateArray(DIBuilderHandle builder, LlvmMetadata* elements, nuint count);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial LlvmMetadata LLVMDIBuilderCreateStructType(DIBuilderHandle builder, LlvmMetadata scope, string? name, nuint nameLength, LlvmMetadata file, uint line,
        ulong sizeInBits, uint alignInBits, int flags, LlvmMetadata derivedFrom, LlvmMetadata* elements, uint elementCount, uint runtimeLanguage, LlvmMetadata vtableHolder,
        string? uniqueId, nuint uniqueIdLength);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial LlvmMetadata LLVMDIBuilderCreateUnionType(DIBuilderHandle builder, LlvmMetadata scope, string? name, nuint nameLength, LlvmMetadata file, uint line,
        ulong sizeInBits, uint alignInBits, int flags, LlvmMetadata* elements, uint elementCount, uint runtimeLanguage, string? uniqueId, nuint uniqueIdLength);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial LlvmMetadata LLVMDIBuilderCreateMemberType(DIBuilderHandle builder, LlvmMetadata scope, string name, nuint nameLength, LlvmMetadata file, uint line,
        ulong sizeInBits, uint alignInBits, ulong offsetInBits, int flags, LlvmMetadata type);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial LlvmMetadata LLVMDIBuilderCreateTypedef(DIBuilderHandle builder, LlvmMetadata type, string name, nuint nameLength, LlvmMetadata file, uint line, LlvmMetadata scope, uint alignInBits);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial LlvmMetadata LLVMDIBuilderCreateQualifiedType(DIBuilderHandle builder, uint tag, LlvmMetadata type);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial LlvmMetadata LLVMDIBuilderCreateEnumerator(DIBuilderHandle builder, string name, nuint nameLength, long value, int isUnsigned);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial LlvmMetadata LLVMDIBuilderCreateEnumerationType(DIBuilderHandle builder, LlvmMetadata scope, string? name, nuint nameLength, LlvmMetadata file, uint line,
        ulong sizeInBits, uint alignInBits, LlvmMetadata* elements, uint elementCount, LlvmMetadata classType);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial LlvmMetadata LLVMDIBuilderCreateSubroutineType(DIBuilderHandle builder, LlvmMetadata file, LlvmMetadata* parameterTypes, uint count, int flags);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial LlvmMetadata LLVMDIBuilderCreateFunction(DIBuilderHandle builder, LlvmMetadata scope, string name, nuint nameLength, string linkageName, nuint linkageNameLength,
        LlvmMetadata file, uint line, LlvmMetadata type, int isLocalToUnit, int isDefinition, uint scopeLine, int flags, int isOptimized);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial LlvmMetadata LLVMDIBuilderCreateParameterVariable(DIBuilderHandle builder, LlvmMetadata scope, string name, nuint nameLength, uint argNo, LlvmMetadata file,
        uint line, LlvmMetadata type, int alwaysPreserve, int flags);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial LlvmMetadata LLVMDIBuilderCreateExpression(DIBuilderHandle builder, ulong* address, nuint length);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial LlvmMetadata LLVMDIBuilderCreateGlobalVariableExpression(DIBuilderHandle builder, LlvmMetadata scope, string name, nuint nameLength, string linkage, nuint linkageLength,
        LlvmMetadata file, uint line, LlvmMetadata type, int localToUnit, LlvmMetadata expression, LlvmMetadata declaration, uint alignInBits);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial LlvmMetadata LLVMDIBuilderCreateDebugLocation(ContextHandle context, uint line, uint column, LlvmMetadata scope, LlvmMetadata inlinedAt);

    // ---- Target, code generation ------------------------------------------------------------------------------
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial void LLVMInitializeBPFTargetInfo();
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial void LLVMInitializeBPFTarget();
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial void LLVMInitializeBPFTargetMC();
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial void LLVMInitializeBPFAsmPrinter();
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial int LLVMGetTargetFromTriple(string triple, out nint target, out nint errorMessage);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial TargetMachineHandle LLVMCreateTargetMachine(nint target, string triple, string cpu, string features, int level, int relocMode, int codeModel);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial void LLVMDisposeTargetMachine(nint targetMachine);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial TargetDataHandle LLVMCreateTargetDataLayout(TargetMachineHandle targetMachine);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial TargetDataHandle LLVMCreateTargetData(string layout);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial void LLVMDisposeTargetData(nint targetData);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial nint LLVMCopyStringRepOfTargetData(TargetDataHandle targetData);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial ulong LLVMABISizeOfType(TargetDataHandle targetData, LlvmType type);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial uint LLVMABIAlignmentOfType(TargetDataHandle targetData, LlvmType type);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial ulong LLVMOffsetOfElement(TargetDataHandle targetData, LlvmType structType, uint element);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int LLVMTargetMachineEmitToMemoryBuffer(TargetMachineHandle targetMachine, LlvmModuleHandle module, int fileType, out nint errorMessage, out MemoryBufferHandle buffer);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial nint LLVMGetBufferStart(MemoryBufferHandle buffer);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial nuint LLVMGetBufferSize(MemoryBufferHandle buffer);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial void LLVMDisposeMemoryBuffer(nint buffer);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial PassBuilderOptionsHandle LLVMCreatePassBuilderOptions();
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial void LLVMDisposePassBuilderOptions(nint options);
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial nint LLVMRunPasses(LlvmModuleHandle module, string passes, TargetMachineHandle targetMachine, PassBuilderOptionsHandle options);
}
