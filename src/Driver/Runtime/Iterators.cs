using BtLang.Driver.Attach;

namespace BtLang.Driver.Runtime;

/// <summary>Runs the iterations of <c>iter:</c> probes once they are attached.</summary>
internal static class Iterators
{
    /// <summary>
    /// Reads every iterator link (attach points <c>iter:NAME</c> or <c>it:NAME</c>) to its end, which runs its program
    /// over every object. Returns true when there was at least one, so that the run ends after them.
    /// </summary>
    public static bool RunAll(AttachedProbes? attached, TextWriter errors)
    {
        bool any = false;
        foreach (var link in attached?.Links ?? [])
        {
            if (!link.Description.StartsWith("iter:", StringComparison.Ordinal) && !link.Description.StartsWith("it:", StringComparison.Ordinal))
            {
                continue;
            }

            any = true;
            int errno = link.RunIterator();
            if (errno != 0)
            {
                errors.WriteLine($"ERROR: reading iterator {link.Description} failed: {System.Runtime.InteropServices.Marshal.GetPInvokeErrorMessage(errno)}");
            }
        }

        return any;
    }
}
