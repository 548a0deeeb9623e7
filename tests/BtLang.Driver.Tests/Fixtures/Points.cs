using BtLang.Emit.Metadata;

namespace BtLang.Driver.Tests.Fixtures;

/// <summary>Attach point metadata as the emitter writes it, for tests.</summary>
internal static class Points
{
    public static AttachPointMetadata Tracepoint(string category, string name) =>
        new() { Text = $"tracepoint:{category}:{name}", Target = category, Function = name };

    public static AttachPointMetadata Uprobe(string path, string function) =>
        new() { Text = $"uprobe:{path}:{function}", Target = path, Function = function };
}
