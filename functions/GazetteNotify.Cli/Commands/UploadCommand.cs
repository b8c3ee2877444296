using System.CommandLine;
using Azure.Storage.Blobs.Models;
using GazetteNotify.Documents;
using GazetteNotify.Ingestion;

namespace GazetteNotify.Cli.Commands;

/// <summary>
/// `gazette upload FILE...`: puts each file into gazette-issues under its file name and ingests it at once (the same
/// job the blob trigger runs, so a later trigger for the same bytes changes nothing). One progress line per file.
/// </summary>
public static class UploadCommand
{
    /// <summary>Exit code when at least one upload was rejected (kept, quarantined, recorded).</summary>
    public const int SomeRejectedExitCode = 2;

    public static Command Create(CliContext context)
    {
        var files = new Argument<FileInfo[]>("FILE") { Description = "Issue or document files: PDF, Word (.docx), saved web pages or text; each is read by what its bytes are.", Arity = ArgumentArity.OneOrMore };
        var noIngest = new Option<bool>("--no-ingest") { Description = "Only put the files into gazette-issues: the blob trigger in Azure, or a running `gazette serve`, ingests them." };
        var now = new Option<string?>("--now") { Description = "Record the ingestion as at this day (yyyy-MM-dd, 08:00 China time) or moment, as `run alerts --now` will look for it." };
        var command = new Command("upload", "Upload issues to blob storage and ingest them.") { files, noIngest, now };
        command.SetAction((result, cancellationToken) => RunCommand.TryClock(context, result.GetValue(now), out var clock)
            ? context.WithStorageAsync(storage => RunAsync(context, result.GetValue(files)!, !result.GetValue(noIngest), clock, cancellationToken))
            : Task.FromResult(1));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, FileInfo[] files, bool ingest, TimeProvider clock, CancellationToken cancellationToken)
    {
        var storage = context.Storage;
        await storage.EnsureCreatedAsync(cancellationToken);
        var job = context.Service<IngestIssue>(clock);
        var exit = 0;
        for (var i = 0; i < files.Length; i++)
        {
            var file = files[i];
            var prefix = $"[{i + 1}/{files.Length}] {file.Name}";
            if (!file.Exists)
            {
                await context.Error.WriteLineAsync($"{prefix}: no such file");
                exit = Math.Max(exit, 1);
                continue;
            }

            await using (var stream = file.OpenRead())
            {
                await storage.Issues.GetBlobClient(file.Name).UploadAsync(stream, new BlobUploadOptions(), cancellationToken);
            }

            if (!ingest)
            {
                await context.Output.WriteLineAsync($"{prefix} → gazette-issues/{file.Name} (ingested by the trigger or `gazette serve`)");
                continue;
            }

            var outcome = await job.RunAsync(file.Name, cancellationToken);
            await context.Output.WriteLineAsync($"{prefix} → {Describe(outcome)}");
            if (outcome.Status == IngestStatus.Rejected) exit = Math.Max(exit, SomeRejectedExitCode);
        }

        return exit;
    }

    public static string Describe(IngestOutcome outcome) => outcome.Status switch
    {
        IngestStatus.Ingested or IngestStatus.Replaced =>
            $"issue {outcome.IssueKey}: {outcome.Summary}",
        IngestStatus.Unchanged => $"issue {outcome.IssueKey}: unchanged (these bytes were ingested before)",
        IngestStatus.Rejected => $"rejected: {outcome.Reason} (kept; a copy is in quarantine; listed by `gazette issues` as {outcome.IssueKey})",
        IngestStatus.InProgress => "being ingested by another worker",
        _ => $"{outcome.Status.ToString().ToLowerInvariant()}: {outcome.Reason}",
    };
}
