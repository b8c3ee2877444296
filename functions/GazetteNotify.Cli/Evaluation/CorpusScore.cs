using System.Globalization;
using System.Text;
using GazetteNotify.Parsing.Model;
using GazetteNotify.Parsing.Text;

namespace GazetteNotify.Cli.Evaluation;

/// <summary>True positives, false positives and false negatives of one measure; F1 from them.</summary>
public readonly record struct Counts(int TruePositives, int FalsePositives, int FalseNegatives)
{
    public static Counts operator +(Counts a, Counts b) =>
        new(a.TruePositives + b.TruePositives, a.FalsePositives + b.FalsePositives, a.FalseNegatives + b.FalseNegatives);

    public double Precision => TruePositives + FalsePositives == 0 ? 1 : (double)TruePositives / (TruePositives + FalsePositives);

    public double Recall => TruePositives + FalseNegatives == 0 ? 1 : (double)TruePositives / (TruePositives + FalseNegatives);

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    /// <summary>Sets compared: what both hold, what only the parser has, what only the gold has.</summary>
    public static Counts Of<T>(IEnumerable<T> parsed, IEnumerable<T> gold)
    {
        var p = parsed.ToHashSet();
        var g = gold.ToHashSet();
        var both = p.Count(g.Contains);
        return new Counts(both, p.Count - both, g.Count - both);
    }
}

/// <summary>One text of the corpus scored: documents found, units (with their role) and limits (with their date).</summary>
/// <param name="Forms">The clause forms its text writes (<see cref="ClauseForms"/>); empty when not looked at.</param>
public sealed record FileScore(string Name, string Category, string? Rejection, Counts Documents, Counts Units, Counts Deadlines)
{
    public IReadOnlyList<string> Forms { get; init; } = [];
}

/// <summary>
/// Scores a parse against its gold. Documents are paired by 发文字号, else by title (whitespace, 《》 and punctuation
/// width ignored); units are compared as (name, role) and limits as (text, date) within each paired document — a
/// document the parser missed counts all its gold units and limits as missed (an ongoing field counts as a limit without
/// a date), and one it invented counts all of its
/// own as wrong. Names compare after the same normalisation, which also folds traditional characters to simplified: the
/// parser reads a traditional copy as simplified, and an annotator may have written its names either way.
/// </summary>
public static class CorpusScore
{
    public static FileScore Score(string name, GoldFile gold, GazetteIssue? parsed, string? rejection)
    {
        var (pairs, unmatched) = Pair(gold, parsed);
        Counts docs = default, units = default, deadlines = default;
        foreach (var (g, match) in pairs)
        {
            var goldUnits = g.Units.Select(u => (Normal(u.Name), Role(u.Role))).ToList();
            var goldDeadlines = g.Deadlines.Select(d => (Normal(d.Text), d.Date)).ToList();
            if (match is null)
            {
                docs += new Counts(0, 0, 1);
                units += Counts.Of([], goldUnits);
                deadlines += Counts.Of([], goldDeadlines);
                continue;
            }

            docs += new Counts(1, 0, 0);
            units += Counts.Of(UnitsOf(match), goldUnits);
            deadlines += Counts.Of(DeadlinesOf(match), goldDeadlines);
        }

        foreach (var extra in unmatched)
        {
            docs += new Counts(0, 1, 0);
            units += Counts.Of(UnitsOf(extra), []);
            deadlines += Counts.Of(DeadlinesOf(extra), []);
        }

        return new FileScore(name, gold.Category, rejection, docs, units, deadlines);
    }

    /// <summary>
    /// What the parser got wrong in one text, a line each: documents missed or invented, and per paired document the
    /// units and limits only the gold has (−) or only the parser has (+). For a developer mending a rule.
    /// </summary>
    public static IEnumerable<string> Differences(GoldFile gold, GazetteIssue? parsed)
    {
        var (pairs, unmatched) = Pair(gold, parsed);
        foreach (var (g, match) in pairs)
        {
            if (match is null)
            {
                yield return $"  − document 「{g.Title}」";
                continue;
            }

            var units = UnitsOf(match).ToHashSet();
            var goldUnits = g.Units.Select(u => (Normal(u.Name), Role(u.Role))).ToHashSet();
            foreach (var (unit, role) in goldUnits.Except(units)) yield return $"  − unit {unit} ({role})";
            foreach (var (unit, role) in units.Except(goldUnits)) yield return $"  + unit {unit} ({role})";
            var limits = DeadlinesOf(match).ToHashSet();
            var goldLimits = g.Deadlines.Select(d => (Normal(d.Text), d.Date)).ToHashSet();
            foreach (var (text, date) in goldLimits.Except(limits)) yield return $"  − limit {text} {date}";
            foreach (var (text, date) in limits.Except(goldLimits)) yield return $"  + limit {text} {date}";
        }

        foreach (var extra in unmatched) yield return $"  + document 「{extra.Title}」 {extra.DocNumber}";
    }

    /// <summary>
    /// Each gold document with the parsed document it is (or null), and the parsed documents left over. A gold document
    /// printed without title and number (an excerpt that starts at the 主送 line) is the parsed document left over
    /// with its issuer or signing date, or the only one left.
    /// </summary>
    private static (List<(GoldDocument Gold, GazetteDocument? Parsed)> Pairs, List<GazetteDocument> Unmatched) Pair(GoldFile gold, GazetteIssue? parsed)
    {
        var unmatched = (parsed?.Documents ?? []).ToList();
        var pairs = new List<(GoldDocument, GazetteDocument?)>();
        foreach (var g in gold.Documents)
        {
            var match = unmatched.FirstOrDefault(d => SameDocument(d, g));
            if (match is not null) unmatched.Remove(match);
            pairs.Add((g, match));
        }

        var untitled = pairs.FindAll(p => p.Item2 is null && string.IsNullOrEmpty(p.Item1.Title) && string.IsNullOrEmpty(p.Item1.DocNumber));
        foreach (var pair in untitled)
        {
            var match = unmatched.Find(d => (pair.Item1.Issuer is { } issuer && Normal(d.Issuer) == Normal(issuer))
                    || (pair.Item1.SignedDate is { } date && d.SignedDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) == date))
                ?? (unmatched.Count == 1 && untitled.Count == 1 ? unmatched[0] : null);
            if (match is null) continue;
            unmatched.Remove(match);
            pairs[pairs.IndexOf(pair)] = (pair.Item1, match);
        }

        return (pairs, unmatched);
    }

    private static IEnumerable<(string, string)> UnitsOf(GazetteDocument d) =>
        d.Tasks.SelectMany(t => t.Lead.Select(u => (Normal(u), "lead")).Concat(t.Support.Select(u => (Normal(u), "support"))));

    /// <summary>Its limits as (text, date); an ongoing field (长期坚持, 全年) is a limit without a date, as the gold writes it.</summary>
    private static IEnumerable<(string, string?)> DeadlinesOf(GazetteDocument d) =>
        d.Deadlines.Concat(d.Tasks.SelectMany(t => t.Deadlines))
            .Select(x => (Normal(x.Text), x.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))
            .Concat(d.Ongoing.Concat(d.Tasks.SelectMany(t => t.Ongoing)).Select(o => (Normal(o.Text), (string?)null)));

    private static string Role(string role) => string.Equals(role.Trim(), "support", StringComparison.OrdinalIgnoreCase) ? "support" : "lead";

    private static bool SameDocument(GazetteDocument parsed, GoldDocument gold)
    {
        if (gold.DocNumber is { Length: > 0 } number && parsed.DocNumber is { Length: > 0 } found) return Normal(number) == Normal(found);
        var a = Normal(parsed.Title);
        var b = Normal(gold.Title);
        return a.Length > 0 && b.Length > 0 && (a == b || (Math.Min(a.Length, b.Length) >= 8 && (a.Contains(b, StringComparison.Ordinal) || b.Contains(a, StringComparison.Ordinal))));
    }

    /// <summary>Width folded (NFKC), simplified characters, whitespace, 《》 and quotation marks dropped, brackets of either width alike.</summary>
    public static string Normal(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var folded = TraditionalScript.Simplified(text.Normalize(NormalizationForm.FormKC));
        var sb = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (char.IsWhiteSpace(c) || c is '《' or '》' or '“' or '”' or '"' or '〈' or '〉') continue;
            sb.Append(c switch { '〔' or '［' or '【' => '[', '〕' or '］' or '】' => ']', _ => c });
        }

        return sb.ToString();
    }

    /// <summary>Per file, per category and overall, as a table an admin or a developer reads.</summary>
    public static string Report(IReadOnlyList<FileScore> scores)
    {
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"{"file",-56} {"category",-18} {"docs F1",8} {"units F1",9} {"limits F1",10}");
        foreach (var s in scores.OrderBy(s => s.Name, StringComparer.Ordinal))
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"{s.Name,-56} {s.Category,-18} {s.Documents.F1,8:0.00} {s.Units.F1,9:0.00} {s.Deadlines.F1,10:0.00}{(s.Rejection is null ? "" : "  REFUSED: " + s.Rejection)}");
        }

        sb.AppendLine();
        foreach (var group in scores.GroupBy(s => s.Category).OrderBy(g => g.Key, StringComparer.Ordinal)) sb.AppendLine(Line(group.Key, group.ToList()));
        sb.AppendLine(Line("overall", scores));
        if (scores.Any(s => s.Forms.Count > 0))
        {
            sb.AppendLine();
            sb.AppendLine("by clause form (files writing it; a file counts for each form it writes):");
            foreach (var form in ClauseForms.All)
            {
                var holding = scores.Where(s => s.Forms.Contains(form)).ToList();
                if (holding.Count > 0) sb.AppendLine(Line(form, holding));
            }
        }

        return sb.ToString();
    }

    public static (Counts Documents, Counts Units, Counts Deadlines) Total(IEnumerable<FileScore> scores) =>
        scores.Aggregate((default(Counts), default(Counts), default(Counts)), (t, s) => (t.Item1 + s.Documents, t.Item2 + s.Units, t.Item3 + s.Deadlines));

    private static string Line(string label, IReadOnlyList<FileScore> scores)
    {
        var (d, u, l) = Total(scores);
        return string.Create(CultureInfo.InvariantCulture,
            $"{label,-22} {scores.Count,3} files  documents F1 {d.F1:0.000} (P {d.Precision:0.00} R {d.Recall:0.00})  units F1 {u.F1:0.000} (P {u.Precision:0.00} R {u.Recall:0.00})  limits F1 {l.F1:0.000} (P {l.Precision:0.00} R {l.Recall:0.00})  refused {scores.Count(s => s.Rejection is not null)}");
    }
}
