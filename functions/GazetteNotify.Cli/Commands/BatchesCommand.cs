using System.CommandLine;
using System.Globalization;
using GazetteNotify.Mail;

namespace GazetteNotify.Cli.Commands;

/// <summary>`gazette batches list|retry ID`: mail batches that failed every attempt (the poison queue), and putting one back once.</summary>
public static class BatchesCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("batches", "Mail batches that failed every delivery attempt: list them, retry one.");
        var list = new Command("list", "Poisoned batches: when, run, subject, recipients, last error, and whether retried.");
        list.SetAction((_, cancellationToken) => context.WithStorageAsync(async storage =>
        {
            var rows = await context.Service<PoisonedBatches>().ListAsync(cancellationToken);
            foreach (var row in rows)
            {
                var at = row.RecordedAt is { } recorded ? Time.ChinaTime.Minute(recorded) : null;
                var retried = row.RetriedAt is { } r ? $"  retried {Time.ChinaTime.Minute(r)}" : "";
                await context.Output.WriteLineAsync($"{row.RowKey}  {at}  {row.Run}  {row.Subject}  {row.Recipients} recipients  {Redaction.Redact(row.Error)}{retried}");
            }

            await context.Output.WriteLineAsync($"{rows.Count} poisoned batches");
            return 0;
        }));
        var id = new Argument<string>("ID") { Description = "The batch's id, as `gazette batches list` shows it." };
        var retry = new Command("retry", "Put a poisoned batch back on the email-batches queue (once; recipients already sent get nothing).") { id };
        retry.SetAction((result, cancellationToken) => context.WithStorageAsync(async storage =>
        {
            var done = await context.Actions().RetryPoisonedBatchAsync(result.GetValue(id)!, context.Who, cancellationToken);
            await (done.Changed ? context.Output : context.Error).WriteLineAsync(done.Message);
            return done.Changed ? 0 : 1;
        }));
        command.Subcommands.Add(list);
        command.Subcommands.Add(retry);
        return command;
    }
}
