using System.CommandLine;
using System.Globalization;
using GazetteNotify.Documents;
using GazetteNotify.Queries;

namespace GazetteNotify.Cli.Commands;

/// <summary>`gazette issues`: ingested and rejected uploads — status, counts, warnings, reason.</summary>
public static class IssuesCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("issues", "List ingested and rejected issues.");
        command.SetAction((_, cancellationToken) => context.WithStorageAsync(async storage =>
        {
            var issues = await context.Service<IssueQueries>().ListAsync(cancellationToken);
            if (issues.Count == 0)
            {
                await context.Output.WriteLineAsync("no issues yet: `gazette upload FILE` adds one");
                return 0;
            }

            await context.Output.WriteLineAsync($"{"issue",-28} {"status",-9} {"docs",4} {"tasks",5} {"dates",5} {"warn",4}  source / reason");
            foreach (var issue in issues.OrderBy(i => i.Status).ThenBy(i => i.Key, StringComparer.Ordinal))
            {
                var detail = issue.Status == IssueStatus.Rejected ? $"{issue.BlobName}: {issue.Reason}" : $"{issue.BlobName} ({issue.Title})";
                await context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{issue.Key,-28} {issue.StatusName,-9} {issue.Documents,4} {issue.Tasks,5} {issue.Deadlines,5} {issue.Warnings,4}  {detail}"));
                foreach (var warning in issue.WarningTexts) await context.Output.WriteLineAsync($"{"",28}   warning: {warning}");
                if (issue.WarningsBlob is not null) await context.Output.WriteLineAsync($"{"",28}   warnings: see gazette-parsed/{issue.WarningsBlob}");
                if (issue.Lost is not null) await context.Output.WriteLineAsync($"{"",28}   replaced an earlier upload with {issue.Lost}; that version: gazette-parsed/{issue.ReplacedVersion}");
            }

            return 0;
        }));
        return command;
    }
}
