using System.IO;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace BtLang.Syntax.Generator;

/// <summary>
/// Generates BtLang's syntax node classes from the one description file, grammar/Syntax.xml, given to the compiler
/// as an AdditionalFile.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class SyntaxNodeGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var files = context.AdditionalTextsProvider
            .Where(file => Path.GetFileName(file.Path) == "Syntax.xml")
            .Select((file, cancellationToken) => file.GetText(cancellationToken)?.ToString() ?? string.Empty);

        context.RegisterSourceOutput(files, (production, xml) =>
        {
            var nodes = SyntaxXmlReader.Read(xml);
            production.AddSource("Syntax.Nodes.g.cs", SourceText.From(SourceWriter.WriteNodes(nodes), System.Text.Encoding.UTF8));
            production.AddSource("Syntax.GreenFactory.g.cs", SourceText.From(SourceWriter.WriteGreenFactory(nodes), System.Text.Encoding.UTF8));
            production.AddSource("Syntax.RedFactory.g.cs", SourceText.From(SourceWriter.WriteRedFactory(nodes), System.Text.Encoding.UTF8));
            production.AddSource("Syntax.Visitors.g.cs", SourceText.From(SourceWriter.WriteVisitors(nodes), System.Text.Encoding.UTF8));
        });
    }
}
