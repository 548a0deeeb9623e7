namespace BtLang.Driver.Cli;

/// <summary>bpftrace's <c>-d</c> stage names.</summary>
internal static class DebugStageNames
{
    public static readonly (string Name, DebugStages Stage)[] All =
    [
        ("all", DebugStages.All),
        ("ast", DebugStages.Ast),
        ("types", DebugStages.Types),
        ("codegen", DebugStages.Codegen),
        ("codegen-opt", DebugStages.CodegenOpt),
        ("libbpf", DebugStages.Libbpf),
        ("verifier", DebugStages.Verifier),
    ];

    /// <summary>Parses <c>STAGE[,STAGE...]</c> (empty items are skipped, as bpftrace does). On failure
    /// <paramref name="bad"/> is the first unknown name.</summary>
    public static bool TryParse(string text, out DebugStages stages, out string bad)
    {
        stages = DebugStages.None;
        bad = string.Empty;
        bool any = false;
        foreach (var item in text.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var found = Array.FindIndex(All, s => s.Name == item);
            if (found < 0)
            {
                bad = item;
                return false;
            }

            stages |= All[found].Stage;
            any = true;
        }

        if (!any)
        {
            bad = text;
        }

        return any;
    }
}
