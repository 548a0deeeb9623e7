using BtLang.Semantics.Builtins;

namespace BtLang.LanguageServer.Handlers;

/// <summary>Markdown documentation of builtins, for completion items and hovers.</summary>
internal static class BuiltinDocs
{
    public static string Markdown(BuiltinInfo info)
    {
        string text = $"```\n{info.Signature}\n```\n{info.Documentation}";
        if (info.AliasOf is not null)
            text += $"\n\nOld name of `{info.AliasOf}`.";
        if (info.IsAggregation)
            text += "\n\nAn aggregation: assign it to a map, e.g. `@x = " + info.Name + "(...)`.";
        if (info.IsUnsafe)
            text += "\n\nNeeds `--unsafe`.";
        return text;
    }
}
