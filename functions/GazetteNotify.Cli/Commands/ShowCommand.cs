using System.CommandLine;
using GazetteNotify.Queries;

namespace GazetteNotify.Cli.Commands;

/// <summary>`gazette show ISSUE`: an issue's documents, tasks and deadlines as stored.</summary>
public static class ShowCommand
{
    public static Command Create(CliContext context)
    {
        var key = new Argument<string>("ISSUE") { Description = "Issue key, e.g. 2022-06, or the file name it was uploaded as (see `gazette issues`)." };
        var command = new Command("show", "Show one issue: documents, tasks, deadlines.") { key };
        command.SetAction((result, cancellationToken) => context.WithStorageAsync(async storage =>
        {
            var issueKey = result.GetValue(key)!;
            var detail = await context.Service<IssueQueries>().ShowAsync(issueKey, cancellationToken);
            if (detail is null)
            {
                await context.Error.WriteLineAsync($"gazette show: no issue has the key or upload name {issueKey} (see `gazette issues`)");
                return 1;
            }

            var o = context.Output;
            var i = detail.Issue;
            await o.WriteLineAsync($"{i.Key} · {i.StatusName} · {i.Title} · {i.Documents} documents, {i.Tasks} tasks, {i.Deadlines} deadlines, {i.Warnings} warnings");
            if (i.Reason is not null) await o.WriteLineAsync($"reason: {i.Reason}");
            foreach (var d in detail.Documents.OrderBy(d => d.RowKey, StringComparer.Ordinal))
            {
                await o.WriteLineAsync($"\n{d.RowKey}. {d.DocNumber} {d.Title}");
                await o.WriteLineAsync($"    {d.Issuer} · {d.SignedDateText} · {d.Kind} · p.{d.TocPage}");
                foreach (var t in detail.Tasks.Where(t => t.RowKey.StartsWith(d.RowKey + "|", StringComparison.Ordinal)).OrderBy(t => t.RowKey, StringComparer.Ordinal))
                {
                    var support = t.Support;
                    await o.WriteLineAsync($"    task {t.Item ?? "-"}: lead {string.Join("、", t.Lead)}"
                        + (support.Count > 0 ? $" | support {string.Join("、", support)}" : ""));
                }
            }

            if (detail.Deadlines.Count > 0)
            {
                await o.WriteLineAsync("\ndeadlines:");
                foreach (var row in detail.Deadlines.OrderBy(r => r.DateText ?? "9999", StringComparer.Ordinal))
                {
                    await o.WriteLineAsync($"    {row.DateText ?? "(" + (row.KindName ?? "") + ")",-12} {row.Phrase} · {row.DocNumber} {row.Item} · {string.Join("、", row.Lead)}");
                }
            }

            return 0;
        }));
        return command;
    }
}
