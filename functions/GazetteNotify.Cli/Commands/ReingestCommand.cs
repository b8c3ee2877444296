using System.CommandLine;

namespace GazetteNotify.Cli.Commands;

/// <summary>`gazette reingest NAME...`: read and parse uploads in gazette-issues again (after a parser fix), recorded.</summary>
public static class ReingestCommand
{
    public static Command Create(CliContext context)
    {
        var names = new Argument<string[]>("NAME") { Description = "Blob names in gazette-issues, as `gazette issues` shows them.", Arity = ArgumentArity.OneOrMore };
        var command = new Command("reingest", "Read and parse uploads again, even if their bytes were handled before.") { names };
        command.SetAction((result, cancellationToken) => context.WithStorageAsync(async storage =>
        {
            var failed = 0;
            foreach (var name in result.GetValue(names)!)
            {
                var done = await context.Actions().ReingestAsync(name, context.Who, cancellationToken);
                await (done.Changed ? context.Output : context.Error).WriteLineAsync(done.Message);
                if (!done.Changed) failed++;
            }

            return failed == 0 ? 0 : 1;
        }));
        return command;
    }
}
