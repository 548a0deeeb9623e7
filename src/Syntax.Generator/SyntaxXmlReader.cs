using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;

namespace BtLang.Syntax.Generator;

/// <summary>Reads Syntax.xml into <see cref="NodeModel"/>s, in file order.</summary>
internal static class SyntaxXmlReader
{
    public static IReadOnlyList<NodeModel> Read(string xml)
    {
        var document = XDocument.Parse(xml);
        var nodes = new List<NodeModel>();
        foreach (var element in document.Root!.Elements())
        {
            bool isAbstract = element.Name.LocalName == "AbstractNode";
            if (!isAbstract && element.Name.LocalName != "Node")
            {
                continue;
            }

            string name = (string)element.Attribute("Name")!;
            string baseName = (string?)element.Attribute("Base") ?? "SyntaxNode";
            string kindText = (string?)element.Attribute("Kind") ?? string.Empty;
            var kinds = kindText.Split(new[] { ',' }, StringSplitOptions.RemoveEmptyEntries).Select(k => k.Trim()).ToList();
            var fields = element.Elements("Field")
                .Select(f => new FieldModel(
                    (string)f.Attribute("Name")!,
                    (string)f.Attribute("Type")!,
                    string.Equals((string?)f.Attribute("Optional"), "true", StringComparison.OrdinalIgnoreCase)))
                .ToList();
            nodes.Add(new NodeModel(name, baseName, isAbstract, kinds, fields));
        }

        return nodes;
    }
}
