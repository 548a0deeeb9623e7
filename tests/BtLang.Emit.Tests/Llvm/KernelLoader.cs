namespace BtLang.Emit.Tests.Llvm;

/// <summary>
/// Loads an object with <c>bpftool -d prog loadall</c> into a private bpffs directory, returns libbpf's log and
/// the pinned programs' <c>bpftool prog show</c>/<c>dump xlated</c> text, then removes the pins and waits until
/// no program of the object stays loaded.
/// </summary>
internal static class KernelLoader
{
    public sealed record LoadResult(int ExitCode, string Log, string Show, string Xlated);

    public static LoadResult LoadAll(byte[] objectBytes, params string[] programNames)
    {
        string directory = Directory.CreateTempSubdirectory("btlt-load-").FullName;
        string objectPath = Path.Combine(directory, "x.o");
        File.WriteAllBytes(objectPath, objectBytes);
        string pinDirectory = $"/sys/fs/bpf/btlt_{Environment.ProcessId}_{Guid.NewGuid():N}"[..40];
        var loadedIds = new List<string>();
        try
        {
            (int exit, string stdout, string stderr) = ToolRunner.Run("bpftool", "-d", "prog", "loadall", objectPath, pinDirectory);
            string show = string.Empty;
            loadedIds.Clear();
            string xlated = string.Empty;
            if (exit == 0)
            {
                foreach (string name in programNames)
                {
                    string pin = Path.Combine(pinDirectory, name);
                    string shown = ToolRunner.Run("bpftool", "prog", "show", "pinned", pin).Stdout;
                    show += shown;
                    if (System.Text.RegularExpressions.Regex.Match(shown, @"^(\d+):") is { Success: true } id)
                    {
                        loadedIds.Add(id.Groups[1].Value);
                    }

                    xlated += ToolRunner.Run("bpftool", "prog", "dump", "xlated", "pinned", pin, "linum").Stdout;
                }
            }

            return new LoadResult(exit, stderr + stdout, show, xlated);
        }
        finally
        {
            if (Directory.Exists(pinDirectory))
            {
                Directory.Delete(pinDirectory, recursive: true);
            }

            Directory.Delete(directory, recursive: true);
            // By id: other processes on the machine may hold programs of the same name (bt_p0 is every btlang's).
            WaitUntilUnloaded(loadedIds);
        }
    }

    private static void WaitUntilUnloaded(List<string> programIds)
    {
        DateTime deadline = DateTime.UtcNow.AddSeconds(5);
        foreach (string id in programIds)
        {
            while (ToolRunner.Run("bpftool", "prog", "show", "id", id).ExitCode == 0)
            {
                if (DateTime.UtcNow > deadline)
                {
                    throw new InvalidOperationException($"program {id} is still loaded after its pins were removed");
                }

                Thread.Sleep(50);
            }
        }
    }

    public static void WaitUntilUnloaded(params string[] programNames)
    {
        DateTime deadline = DateTime.UtcNow.AddSeconds(5);
        foreach (string name in programNames)
        {
            while (ToolRunner.Run("bpftool", "prog", "show", "name", name).Stdout.Trim().Length > 0)
            {
                if (DateTime.UtcNow > deadline)
                {
                    throw new InvalidOperationException($"program {name} is still loaded after its pins were removed");
                }

                Thread.Sleep(50);
            }
        }
    }
}
