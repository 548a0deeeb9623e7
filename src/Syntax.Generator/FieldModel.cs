namespace BtLang.Syntax.Generator;

/// <summary>One &lt;Field&gt; of a node: a token, a node, or a list.</summary>
internal sealed class FieldModel
{
    public FieldModel(string name, string type, bool isOptional)
    {
        Name = name;
        Type = type;
        IsOptional = isOptional;
    }

    public string Name { get; }

    public string Type { get; }

    public bool IsOptional { get; }

    public bool IsToken => Type == "SyntaxToken";

    public bool IsTokenList => Type == "SyntaxTokenList";

    public bool IsNodeList => Type.StartsWith("SyntaxList<");

    public bool IsSeparatedList => Type.StartsWith("SeparatedSyntaxList<");

    public bool IsList => IsTokenList || IsNodeList || IsSeparatedList;

    public bool IsNode => !IsToken && !IsList;

    /// <summary>The element type of a node list: `SyntaxList&lt;MemberSyntax&gt;` -> `MemberSyntax`.</summary>
    public string ElementType
    {
        get
        {
            int open = Type.IndexOf('<');
            return open < 0 ? Type : Type.Substring(open + 1, Type.Length - open - 2);
        }
    }

    /// <summary>The parameter name: `IfKeyword` -> `ifKeyword`, escaped if it is a C# keyword.</summary>
    public string ParameterName
    {
        get
        {
            string name = char.ToLowerInvariant(Name[0]) + Name.Substring(1);
            return name switch
            {
                "else" or "operator" or "type" or "base" or "default" or "event" or "object" or "string" or "params" => "@" + name,
                _ => name,
            };
        }
    }
}
