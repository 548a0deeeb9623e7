using BtLang.Semantics.ProbeCatalog;
using BtLang.Semantics.ProbeCatalog.Providers;
using ProbeProvider = BtLang.Semantics.ProbeCatalog.Providers.ProbeProvider;
using BtLang.Syntax;

namespace BtLang.LanguageServer.Handlers;

/// <summary>The fields of <c>args</c> in a probe: tracepoint format fields, BTF arguments of fentry/fexit and raw
/// tracepoints, or DWARF parameters of a uprobe's function.</summary>
internal static class ProbeArguments
{
    public sealed record Field(string Name, string Declaration, string Source);

    public static IEnumerable<Field> Of(ProbeSyntax probe, IProbeCatalog catalog)
    {
        foreach (var attachPoint in probe.AttachPoints)
        {
            foreach (var field in Of(SyntaxQueries.AttachPointText(attachPoint), catalog))
                yield return field;
        }
    }

    public static IEnumerable<Field> Of(string attachPoint, IProbeCatalog catalog)
    {
        var parts = attachPoint.Split(':');
        if (parts.Length < 2 || !ProbeProviders.TryGet(parts[0], out var provider))
            yield break;
        switch (provider.Kind)
        {
            case ProbeProviderKind.Tracepoint when parts.Length == 3 && !HasWildcard(parts[1]) && !HasWildcard(parts[2]):
                if (catalog.GetTracepoint(parts[1], parts[2]) is { } tracepoint)
                {
                    foreach (var field in tracepoint.Fields)
                        yield return new Field(field.Name, field.Declaration, tracepoint.FullName);
                }
                break;
            case ProbeProviderKind.Fentry or ProbeProviderKind.Fexit:
            {
                string function = parts[^1];
                if (!HasWildcard(function) && catalog.KernelBtf is { } btf && catalog.GetKernelFunction(function) is { } signature)
                {
                    foreach (var parameter in signature.Parameters)
                        yield return new Field(parameter.Name, btf.FormatDeclaration(parameter.TypeId, parameter.Name), function);
                    if (provider.Kind == ProbeProviderKind.Fexit)
                        yield return new Field("retval", btf.FormatDeclaration(signature.ReturnTypeId, "retval"), function);
                }
                break;
            }
            case ProbeProviderKind.Uprobe when parts.Length == 3 && !HasWildcard(parts[1]) && !HasWildcard(parts[2]):
            {
                // Parameters from the binary's DWARF debug info (gcc -g), as the binder types uprobe args.
                string path = catalog.ResolveBinary(parts[1]) ?? parts[1];
                if (catalog.TryGetUserFunction(path, parts[2], out var function, out _))
                {
                    foreach (var parameter in function.Parameters)
                        yield return new Field(parameter.Name, $"{parameter.TypeName} {parameter.Name}", parts[2]);
                }
                break;
            }
            case ProbeProviderKind.RawTracepoint:
            {
                string name = parts[^1];
                if (!HasWildcard(name) && catalog.KernelBtf is { } btf && catalog.GetRawTracepointArguments(name) is { } arguments)
                {
                    foreach (var parameter in arguments)
                        yield return new Field(parameter.Name, btf.FormatDeclaration(parameter.TypeId, parameter.Name), name);
                }
                break;
            }
        }
    }

    private static bool HasWildcard(string text) => text.AsSpan().IndexOfAny("*?[{") >= 0;
}
