using System.CommandLine;
using GazetteNotify.Cli.Commands;

namespace GazetteNotify.Cli;

/// <summary>`gazette`: the admin's tool. Each verb is one command class; this only wires them together.</summary>
public static class GazetteCommandLine
{
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var root = new RootCommand("GazetteNotify admin tool: parse and ingest gazette issues, manage alerts and reminders.")
        {
            ParseCommand.Create(output, error),
        };

        return root.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
    }
}
