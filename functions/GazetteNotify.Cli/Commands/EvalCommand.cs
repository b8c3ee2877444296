using System.CommandLine;
using GazetteNotify.Cli.Evaluation;
using GazetteNotify.Parsing;

namespace GazetteNotify.Cli.Commands;

/// <summary>
/// `gazette eval DIR`: parses every NAME.txt of a corpus folder that has a NAME.gold.json beside it and prints the
/// documents, units and limits F1 per file, per category, per clause form and overall. Exit 1 when a floor given is not reached.
/// </summary>
public static class EvalCommand
{
    public static Command Create(CliContext context)
    {
        var folder = new Argument<DirectoryInfo>("DIR") { Description = "A corpus folder: NAME.txt with NAME.gold.json." };
        var minDocuments = new Option<double>("--min-documents") { Description = "Fail (exit 1) below this documents F1 overall." };
        var minUnits = new Option<double>("--min-units") { Description = "Fail below this units F1 overall." };
        var minDeadlines = new Option<double>("--min-deadlines") { Description = "Fail below this limits F1 overall." };
        var differences = new Option<bool>("--differences") { Description = "Also print, per file, each document, unit and limit the parser missed (−) or invented (+)." };
        var command = new Command("eval", "Score the parser on a corpus with gold annotations (documents, units, limits F1).") { folder, minDocuments, minUnits, minDeadlines, differences };
        command.SetAction(result =>
        {
            var dir = result.GetValue(folder)!;
            if (!dir.Exists)
            {
                context.Error.WriteLine($"gazette eval: {dir.FullName}: no such folder");
                return 2;
            }

            var scores = Evaluate(dir.FullName, result.GetValue(differences) ? context.Output : null);
            if (scores.Count == 0)
            {
                context.Error.WriteLine($"gazette eval: {dir.FullName}: no NAME.txt with a NAME.gold.json beside it");
                return 2;
            }

            context.Output.Write(CorpusScore.Report(scores));
            var (d, u, l) = CorpusScore.Total(scores);
            return d.F1 < result.GetValue(minDocuments) || u.F1 < result.GetValue(minUnits) || l.F1 < result.GetValue(minDeadlines) ? 1 : 0;
        });
        return command;
    }

    /// <summary>Scores every text of the folder; with <paramref name="differences"/>, writes what each got wrong there.</summary>
    public static List<FileScore> Evaluate(string folder, TextWriter? differences = null)
    {
        var scores = new List<FileScore>();
        foreach (var goldPath in Directory.GetFiles(folder, "*.gold.json").Order(StringComparer.Ordinal))
        {
            var textPath = goldPath[..^".gold.json".Length] + ".txt";
            if (!File.Exists(textPath)) continue;
            var gold = GoldFile.Read(File.ReadAllText(goldPath));
            var bytes = File.ReadAllBytes(textPath);
            var parsed = GazetteParser.Parse(bytes);
            var forms = ClauseForms.In(System.Text.Encoding.UTF8.GetString(bytes));
            scores.Add(CorpusScore.Score(Path.GetFileName(textPath), gold, parsed.Issue, parsed.Rejection) with { Forms = forms });
            if (differences is null) continue;
            var lines = CorpusScore.Differences(gold, parsed.Issue).ToList();
            if (lines.Count == 0) continue;
            differences.WriteLine(Path.GetFileName(textPath));
            foreach (var line in lines) differences.WriteLine(line);
        }

        differences?.WriteLine();
        return scores;
    }
}
