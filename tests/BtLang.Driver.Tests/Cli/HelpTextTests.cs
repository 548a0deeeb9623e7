using BtLang.Driver.Cli;
using BtLang.Semantics.Configuration;

namespace BtLang.Driver.Tests.Cli;

public sealed class HelpTextTests
{
    public static TheoryData<HelpTopic> Topics => [HelpTopic.Main, HelpTopic.Compile, HelpTopic.Run];

    private static CommandKind KindOf(HelpTopic topic) => topic switch
    {
        HelpTopic.Compile => CommandKind.Compile,
        HelpTopic.Run => CommandKind.Run,
        _ => CommandKind.Main,
    };

    [Theory]
    [MemberData(nameof(Topics))]
    public void MentionsEveryOptionValidForTheCommand(HelpTopic topic)
    {
        var text = HelpText.For(topic);
        foreach (var option in OptionTable.All.Where(o => (o.ValidIn & KindOf(topic)) != 0))
        {
            if (option.ShortName != '\0')
            {
                Assert.Contains($"    -{option.ShortName}", text);
            }

            if (option.LongName is not null)
            {
                Assert.Contains($"--{option.LongName}", text);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Topics))]
    public void MentionsNoOptionInvalidForTheCommand(HelpTopic topic)
    {
        if (topic == HelpTopic.Main)
        {
            return;
        }

        var options = HelpText.For(topic).Split("EXAMPLES:")[0];
        foreach (var option in OptionTable.All.Where(o => (o.ValidIn & KindOf(topic)) == 0))
        {
            if (option.LongName is not null)
            {
                Assert.DoesNotContain($"--{option.LongName} ", options);
            }

            if (option.ShortName != '\0')
            {
                Assert.DoesNotContain($"    -{option.ShortName} ", options);
                Assert.DoesNotContain($"    -{option.ShortName},", options);
            }
        }
    }

    [Fact]
    public void MainHelpHasBpftracesSections()
    {
        var text = HelpText.For(HelpTopic.Main);
        string[] sections = ["USAGE:", "OPTIONS:", "TROUBLESHOOTING OPTIONS:", "COMMANDS:", "ENVIRONMENT:", "EXAMPLES:"];
        int last = -1;
        foreach (var section in sections)
        {
            int at = text.IndexOf("\n" + section + "\n", StringComparison.Ordinal);
            Assert.True(at > last, $"{section} missing or out of order");
            last = at;
        }
    }

    [Fact]
    public void MainHelpMentionsEveryEnvironmentVariable()
    {
        var text = HelpText.For(HelpTopic.Main);
        foreach (var variable in ConfigVariables.All)
        {
            if (variable.Key.StartsWith("unstable_", StringComparison.Ordinal))
            {
                Assert.Contains("BPFTRACE_UNSTABLE_<FEATURE>", text);
                Assert.Contains(variable.Key["unstable_".Length..], text);
                continue;
            }

            Assert.Contains("BPFTRACE_" + variable.Key.ToUpperInvariant(), text);
            if (variable.LegacyKey is { } legacy)
            {
                Assert.Contains("BPFTRACE_" + legacy.ToUpperInvariant(), text);
            }
        }

        Assert.Contains("BPFTRACE_COLOR", text);
        Assert.Contains("BTLANG_", text);
        Assert.Contains("__BPFTRACE_NOTIFY_PROBES_ATTACHED", text);
        Assert.Contains("BTLANG_SYSCALL_ROUTING", text);
        Assert.Contains($"auto (from {BtLang.Driver.Attach.SyscallRouter.DefaultThreshold} of them)", text);
    }

    [Fact]
    public void MainHelpMentionsEveryDebugStageAndSubcommand()
    {
        var text = HelpText.For(HelpTopic.Main);
        foreach (var (name, _) in DebugStageNames.All)
        {
            Assert.Contains($"'{name}'", text);
        }

        foreach (var command in new[] { "btlang compile", "btlang run", "btlang lsp" })
        {
            Assert.Contains(command, text);
        }
    }

    [Theory]
    [MemberData(nameof(Topics))]
    public void UsageIsTheHelpsSynopsis(HelpTopic topic)
    {
        var usage = HelpText.UsageFor(topic);
        Assert.StartsWith("USAGE:\n", usage);
        Assert.Contains(usage[..usage.IndexOf("Try '", StringComparison.Ordinal)], HelpText.For(topic));
        Assert.EndsWith("--help' for more information.\n", usage);
    }

    [Fact]
    public void LinesFitATerminal()
    {
        foreach (var topic in new[] { HelpTopic.Main, HelpTopic.Compile, HelpTopic.Run })
        {
            foreach (var line in HelpText.For(topic).Split('\n'))
            {
                Assert.True(line.Length <= 120, $"too long: {line}");
                Assert.DoesNotContain('\t', line);
            }
        }
    }
}
