using System.Collections.Immutable;
using BtLang.Semantics.CImports;
using BtLang.Semantics.Types;
using BtLang.Syntax;

namespace BtLang.Semantics.Binding;

internal sealed partial class Binder
{
    /// <summary>The function name a call of a global function of an imported BPF C file binds to.</summary>
    internal const string ExternCallFunction = "extern";

    /// <summary>
    /// A call of a global function of an imported BPF C file: a <see cref="BoundCall"/> of
    /// <see cref="ExternCallFunction"/> whose <see cref="BoundCall.Text"/> is the C function's name. Every argument
    /// must be an integer (it is converted to the parameter's width); the result is the C function's integer type.
    /// </summary>
    private BoundExpression BindExternCall(CallExpressionSyntax call, ExternFunction function)
    {
        var arguments = call.ArgumentList.Arguments.Select(a => BindExpression(a, allowVoid: true)).ToImmutableArray();
        if (arguments.Length != function.Parameters.Length)
        {
            Report(Diagnostics.Diagnostic.Create(SemanticDiagnostics.ExternArgumentCount, Loc(call.Identifier),
                function.Name, Path.GetFileName(function.SourcePath), function.Parameters.Length, arguments.Length));
            return new BoundError(call);
        }

        bool ok = true;
        for (int i = 0; i < arguments.Length; i++)
        {
            var argument = arguments[i];
            if (argument.Type.Kind == TypeKind.Error)
            {
                ok = false;
            }
            else if (!argument.Type.IsInteger)
            {
                Report(Diagnostics.Diagnostic.Create(SemanticDiagnostics.ExternArgumentType, Loc(call.ArgumentList.Arguments[i]),
                    i + 1, function.Name, function.Parameters[i].CName, argument.Type));
                ok = false;
            }
        }

        if (!ok)
        {
            return new BoundError(call);
        }

        BtType type = function.ReturnType is { } result ? IntegerType.Get(result.Bits, result.IsSigned) : SimpleType.Void;
        return new BoundCall(call, ExternCallFunction, arguments, type, function.Name);
    }
}
