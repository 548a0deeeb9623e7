namespace BtLang.Driver.LibBpf;

/// <summary>
/// libbpf's static linker (<c>bpf_linker__*</c>, what <c>bpftool gen object</c> uses): merges BPF objects into one,
/// resolving the calls of one object to the global functions of another. BtLang links a script's object with the
/// objects of the BPF C files it imports.
/// </summary>
public static class BpfLinker
{
    /// <summary>
    /// Links <paramref name="objects"/> (ELF BPF objects, the first one the script's) into one object; on failure
    /// returns null with libbpf's reason in <paramref name="error"/>.
    /// </summary>
    public static byte[]? TryLink(IReadOnlyList<byte[]> objects, out string error)
    {
        string directory = Path.Combine(Path.GetTempPath(), "btlang-link-" + Environment.ProcessId + "-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        using var log = LibBpfLog.BeginCapture();
        try
        {
            var inputs = new List<string>();
            for (int i = 0; i < objects.Count; i++)
            {
                string path = Path.Combine(directory, $"input{i}.o");
                File.WriteAllBytes(path, objects[i]);
                inputs.Add(path);
            }

            string output = Path.Combine(directory, "linked.o");
            int result = Link(output, inputs);
            if (result != 0)
            {
                string messages = string.Join("; ", log.Messages.Select(m => m.Text.Trim()).Where(t => t.Length > 0));
                error = LibBpfErrors.Describe(-result) + (messages.Length > 0 ? ": " + messages : string.Empty);
                return null;
            }

            error = string.Empty;
            return File.ReadAllBytes(output);
        }
        finally
        {
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static int Link(string output, IEnumerable<string> inputs)
    {
        nint linker = LibBpfNative.bpf_linker__new(output, 0);
        if (linker == 0)
        {
            int errno = System.Runtime.InteropServices.Marshal.GetLastPInvokeError();
            return errno > 0 ? -errno : -22;
        }

        try
        {
            foreach (string input in inputs)
            {
                int added = LibBpfNative.bpf_linker__add_file(linker, input, 0);
                if (added != 0)
                {
                    return added;
                }
            }

            return LibBpfNative.bpf_linker__finalize(linker);
        }
        finally
        {
            LibBpfNative.bpf_linker__free(linker);
        }
    }
}
