using System.Reflection;
using BtLang.Syntax;

namespace BtLang.Syntax.Tests;

/// <summary>No ANTLR type leaks out of BtLang.Syntax, and every node class of Syntax.xml is generated.</summary>
public sealed class PublicSurfaceTests
{
    [Fact]
    public void NoAntlrTypeIsPublic()
    {
        var assembly = typeof(SyntaxTree).Assembly;
        foreach (var type in assembly.GetExportedTypes())
        {
            Assert.DoesNotContain("Generated", type.Namespace ?? string.Empty);
            Assert.False(type.BaseType?.Assembly.GetName().Name?.StartsWith("Antlr4", StringComparison.Ordinal) ?? false, type.FullName);
            foreach (var member in type.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            {
                var types = member switch
                {
                    MethodInfo m => m.GetParameters().Select(p => p.ParameterType).Append(m.ReturnType),
                    PropertyInfo p => new[] { p.PropertyType },
                    FieldInfo f => new[] { f.FieldType },
                    ConstructorInfo c => c.GetParameters().Select(p => p.ParameterType),
                    _ => Enumerable.Empty<Type>(),
                };
                foreach (var t in types)
                {
                    Assert.False(t.Assembly.GetName().Name!.StartsWith("Antlr4", StringComparison.Ordinal), $"{type.FullName}.{member.Name} exposes {t.FullName}");
                }
            }
        }
    }

    [Fact]
    public void EveryNodeOfSyntaxXmlIsGenerated()
    {
        var xml = System.Xml.Linq.XDocument.Load(BtLang.TestUtilities.RepoPaths.Combine("grammar", "Syntax.xml"));
        var assembly = typeof(SyntaxTree).Assembly;
        foreach (var node in xml.Root!.Elements().Where(e => e.Name.LocalName is "Node" or "AbstractNode"))
        {
            var type = assembly.GetType("BtLang.Syntax." + (string)node.Attribute("Name")!);
            Assert.NotNull(type);
            foreach (var field in node.Elements("Field"))
            {
                Assert.NotNull(type!.GetProperty((string)field.Attribute("Name")!));
            }

            foreach (var kind in ((string?)node.Attribute("Kind") ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries))
            {
                Assert.True(Enum.IsDefined(typeof(SyntaxKind), Enum.Parse<SyntaxKind>(kind.Trim())));
            }
        }
    }
}
