using System.Collections.Immutable;

namespace BtLang.Semantics.ProbeCatalog.Btf;

/// <summary>A function found in BTF (FUNC + FUNC_PROTO): name, return type and parameters.</summary>
/// <param name="Name">The function name.</param>
/// <param name="FunctionTypeId">The FUNC type id.</param>
/// <param name="ReturnTypeId">The return type id (0 for void).</param>
/// <param name="Parameters">The parameters with names and type ids.</param>
/// <param name="IsVariadic">True if the prototype ends with <c>...</c>.</param>
public sealed record BtfFunctionSignature(string Name, int FunctionTypeId, int ReturnTypeId, ImmutableArray<BtfParameter> Parameters, bool IsVariadic);
