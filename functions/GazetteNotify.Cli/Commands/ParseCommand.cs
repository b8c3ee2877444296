using System.CommandLine;
using GazetteNotify.Cli.Rendering;
using GazetteNotify.Parsing;
using GazetteNotify.Parsing.Model;
using GazetteNotify.Parsing.Text;
using GazetteNotify.Topics;

namespace GazetteNotify.Cli.Commands;

/// <summary>`gazette parse FILE [--format json|text]`: one issue → the contract JSON, or an outline for an admin.</summary>
public static class ParseCommand
{
    /// <summary>Exit code for input that is not a readable gazette issue (empty, binary, too big, not a gazette).</summary>
    public const int RejectedExitCode = 2;

    public static Command Create(TextWriter output, TextWriter error)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "The issue or one document: a PDF, a Word file (.docx), a saved web page, or text (UTF-8, UTF-16 or GB18030); the content decides, not the name." };
        var format = new Option<string>("--format", "-f")
        {
            Description = "json (the gazette-issue contract) or text (an outline for an admin).",
            DefaultValueFactory = _ => "json",
        };
        format.AcceptOnlyFromAmong("json", "text");

        var command = new Command("parse", "Parse one gazette issue and print its documents, tasks and deadlines.") { file, format };
        command.SetAction(result => Execute(result.GetValue(file)!, result.GetValue(format)!, output, error));
        return command;
    }

    public static int Execute(FileInfo file, string format, TextWriter output, TextWriter error)
    {
        var rejection = ReadAndParse(file, out var issue);
        if (rejection is not null)
        {
            error.WriteLine($"gazette parse: {file.Name}: {rejection}");
            return RejectedExitCode;
        }

        output.Write(format == "text" ? IssueOutline.Render(issue!) : GazetteJson.Serialize(issue!) + "\n");
        output.Flush();
        return 0;
    }

    private static string? ReadAndParse(FileInfo file, out GazetteIssue? issue)
    {
        issue = null;
        try
        {
            if (!file.Exists) return "no such file";
            if (file.Length > IssueTextDecoder.MaxBytes)
            {
                return $"the file is {file.Length / (1024.0 * 1024.0):0.0} MB, over the 20 MB limit for one issue";
            }

            // A PDF, a Word file, a saved web page or text: the bytes decide the reader, as on upload.
            var result = GazetteNotify.Formats.UploadParser.Parse(File.ReadAllBytes(file.FullName)).Result;
            issue = result.Issue is null ? null : TopicClassifier.Default.ClassifyAll(result.Issue, result.DocumentTexts);
            return result.Rejection;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"cannot read the file ({e.Message})";
        }
    }
}
