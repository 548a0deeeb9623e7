namespace BtLang.Driver.Cli;

/// <summary>Creates the <see cref="IDriverHost"/> that <c>Program.Main</c> dispatches to: the real runtime.</summary>
public static class DriverHostFactory
{
    public static IDriverHost Create() => new Runtime.DriverHost(Console.Error);
}
