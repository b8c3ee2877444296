using System.CommandLine;
using GazetteNotify.Cli.Commands;

namespace GazetteNotify.Cli;

/// <summary>`gazette`: the admin's tool. Each verb is one command class; this only wires them together.</summary>
public static class GazetteCommandLine
{
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        using var context = new CliContext(output, error, CliContext.StorageFromEnvironment);
        return Run(args, context);
    }

    public static int Run(string[] args, CliContext context)
    {
        var root = new RootCommand("GazetteNotify admin tool: parse and ingest gazette issues, query what was stored.")
        {
            ParseCommand.Create(context.Output, context.Error),
            EvalCommand.Create(context),
            UploadCommand.Create(context),
            ReingestCommand.Create(context),
            IssuesCommand.Create(context),
            ShowCommand.Create(context),
            DeadlinesCommand.Create(context),
            SubscribersCommand.Create(context),
            DepartmentsCommand.Create(context),
            TasksCommand.Create(context),
            BatchesCommand.Create(context),
            RemindCommand.Create(context),
            RunCommand.Create(context),
            ServeCommand.Create(context),
        };

        // Ctrl-C cancels the command's token; `serve` then has up to 30 s to finish the work in hand before the process ends.
        return root.Parse(args).Invoke(new InvocationConfiguration { Output = context.Output, Error = context.Error, ProcessTerminationTimeout = TimeSpan.FromSeconds(30) });
    }
}
