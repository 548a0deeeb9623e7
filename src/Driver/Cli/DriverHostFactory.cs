namespace BtLang.Driver.Cli;

/// <summary>
/// Creates the <see cref="IDriverHost"/> that <c>Program.Main</c> dispatches to.
/// PLACEHOLDER: until the runtime's <c>BtLang.Driver.Runtime.DriverHost</c> exists this returns
/// <see cref="PlaceholderDriverHost"/>; the runtime replaces the body with <c>new Runtime.DriverHost()</c>.
/// </summary>
public static class DriverHostFactory
{
    public static IDriverHost Create() => new PlaceholderDriverHost(Console.Error);
}
