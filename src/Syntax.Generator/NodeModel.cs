using System.Collections.Generic;

namespace BtLang.Syntax.Generator;

/// <summary>One &lt;Node&gt; or &lt;AbstractNode&gt; of Syntax.xml.</summary>
internal sealed class NodeModel
{
    public NodeModel(string name, string baseName, bool isAbstract, IReadOnlyList<string> kinds, IReadOnlyList<FieldModel> fields)
    {
        Name = name;
        BaseName = baseName;
        IsAbstract = isAbstract;
        Kinds = kinds;
        Fields = fields;
    }

    public string Name { get; }

    public string BaseName { get; }

    public bool IsAbstract { get; }

    public IReadOnlyList<string> Kinds { get; }

    public IReadOnlyList<FieldModel> Fields { get; }

    /// <summary>The visitor method suffix: `IfStatementSyntax` -> `IfStatement`.</summary>
    public string ShortName => Name.EndsWith("Syntax") ? Name.Substring(0, Name.Length - "Syntax".Length) : Name;
}
