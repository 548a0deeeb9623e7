using System.Collections.Immutable;
using BtLang.Diagnostics;

namespace BtLang.Driver.Cli;

/// <summary>
/// Scans argv the way glibc's <c>getopt_long</c> does for bpftrace, so that <c>btlang</c> accepts exactly what
/// bpftrace accepts: options and operands may be mixed (operands keep their order), short flags combine
/// (<c>-lv</c>, <c>-qfjson</c>), a short option's argument is attached or the next argument whatever it looks like
/// (<c>-e -x</c>), long options take <c>--name=value</c> or <c>--name value</c> and may be abbreviated to any unique
/// prefix (<c>--verb</c>), <c>-</c> is an operand, and <c>--</c> ends the options. The one extension is <c>-d</c>,
/// whose stage list is optional (see <see cref="OptionArgument.StageList"/>). The scan stops at the first error,
/// which is the last item; items before it are kept so that an earlier <c>--help</c> still wins, as with getopt.
/// </summary>
internal static class Getopt
{
    public static ImmutableArray<GetoptItem> Scan(IReadOnlyList<string> args, int start, CommandKind command, string commandName)
    {
        var items = ImmutableArray.CreateBuilder<GetoptItem>();
        for (int i = start; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--")
            {
                for (int j = i + 1; j < args.Count; j++)
                {
                    items.Add(GetoptItem.ForOperand(args[j], afterDoubleDash: true));
                }

                break;
            }

            if (arg.Length < 2 || arg[0] != '-')
            {
                items.Add(GetoptItem.ForOperand(arg, afterDoubleDash: false));
                continue;
            }

            var error = arg[1] == '-'
                ? ScanLong(args, ref i, command, commandName, items)
                : ScanShort(args, ref i, command, commandName, items);
            if (error is not null)
            {
                items.Add(GetoptItem.ForError(error));
                break;
            }
        }

        return items.ToImmutable();
    }

    private static Diagnostic? ScanLong(
        IReadOnlyList<string> args, ref int i, CommandKind command, string commandName, ImmutableArray<GetoptItem>.Builder items)
    {
        var arg = args[i];
        int equals = arg.IndexOf('=', StringComparison.Ordinal);
        var name = equals < 0 ? arg[2..] : arg[2..equals];
        string? attached = equals < 0 ? null : arg[(equals + 1)..];

        OptionSpec? spec = null;
        var candidates = new List<OptionSpec>();
        foreach (var option in OptionTable.All)
        {
            if (option.LongName is null)
            {
                continue;
            }

            if (option.LongName == name)
            {
                spec = option;
                break;
            }

            if (option.LongName.StartsWith(name, StringComparison.Ordinal))
            {
                candidates.Add(option);
            }
        }

        if (spec is null)
        {
            if (candidates.Count == 0 || name.Length == 0)
            {
                return Error(CliDiagnostics.UnrecognizedOption, $"unrecognized option '--{name}'");
            }

            if (candidates.Count > 1)
            {
                var possibilities = string.Join(" ", candidates.Select(c => $"'--{c.LongName}'"));
                return Error(CliDiagnostics.AmbiguousOption,
                    $"option '--{name}' is ambiguous; possibilities: {possibilities}");
            }

            spec = candidates[0];
        }

        var spelling = "--" + spec.LongName;
        if ((spec.ValidIn & command) == 0)
        {
            return NotValidHere(spelling, commandName);
        }

        switch (spec.Argument)
        {
            case OptionArgument.None when attached is not null:
                return Error(CliDiagnostics.UnexpectedOptionArgument, $"option '{spelling}' doesn't allow an argument");
            case OptionArgument.None:
                items.Add(GetoptItem.ForOption(spec, null, spelling));
                return null;
            case OptionArgument.Required when attached is null:
                if (i + 1 >= args.Count)
                {
                    return Error(CliDiagnostics.MissingOptionArgument, $"option '{spelling}' requires an argument");
                }

                items.Add(GetoptItem.ForOption(spec, args[++i], spelling));
                return null;
            case OptionArgument.StageList when attached is null:
                items.Add(GetoptItem.ForOption(spec, TakeStageList(args, ref i), spelling));
                return null;
            default:
                items.Add(GetoptItem.ForOption(spec, attached, spelling));
                return null;
        }
    }

    private static Diagnostic? ScanShort(
        IReadOnlyList<string> args, ref int i, CommandKind command, string commandName, ImmutableArray<GetoptItem>.Builder items)
    {
        var arg = args[i];
        for (int k = 1; k < arg.Length; k++)
        {
            char letter = arg[k];
            var spec = OptionTable.FindShort(letter);
            if (spec is null)
            {
                return Error(CliDiagnostics.UnrecognizedOption, $"invalid option -- '{letter}'");
            }

            var spelling = "-" + letter;
            if ((spec.ValidIn & command) == 0)
            {
                return NotValidHere(spelling, commandName);
            }

            if (!spec.TakesArgument)
            {
                items.Add(GetoptItem.ForOption(spec, null, spelling));
                continue;
            }

            if (k + 1 < arg.Length)
            {
                items.Add(GetoptItem.ForOption(spec, arg[(k + 1)..], spelling));
                return null;
            }

            if (spec.Argument == OptionArgument.StageList)
            {
                items.Add(GetoptItem.ForOption(spec, TakeStageList(args, ref i), spelling));
                return null;
            }

            if (i + 1 >= args.Count)
            {
                return Error(CliDiagnostics.MissingOptionArgument, $"option requires an argument -- '{letter}'");
            }

            items.Add(GetoptItem.ForOption(spec, args[++i], spelling));
            return null;
        }

        return null;
    }

    /// <summary>Takes the next argument as <c>-d</c>'s value only when it is a list of known stage names.</summary>
    private static string? TakeStageList(IReadOnlyList<string> args, ref int i)
    {
        if (i + 1 < args.Count && DebugStageNames.TryParse(args[i + 1], out _, out _))
        {
            return args[++i];
        }

        return null;
    }

    private static Diagnostic NotValidHere(string spelling, string commandName) =>
        Error(CliDiagnostics.OptionNotValidHere, $"option '{spelling}' cannot be used with '{commandName}'");

    private static Diagnostic Error(DiagnosticDescriptor descriptor, string message) =>
        Diagnostic.Create(descriptor, Location.None, message);
}
