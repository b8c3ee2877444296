using System.Text;
using GazetteNotify.Parsing.Model;

namespace GazetteNotify.Documents;

/// <summary>
/// gazette-parsed/{issue}/text.txt: every document's normalised text under a header line "=== n docNumber title ===".
/// Written by ingestion for people and search; read back by alerts to match keywords in the body.
/// </summary>
public static class NormalisedText
{
    private const string Marker = "=== ";

    public static string Compose(GazetteIssue issue, IReadOnlyList<string> texts)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < issue.Documents.Count; i++)
        {
            var d = issue.Documents[i];
            sb.Append(Marker).Append(i + 1).Append(' ').Append(d.DocNumber is null ? "" : d.DocNumber + " ").Append(d.Title).Append(" ===\n");
            sb.Append(i < texts.Count ? texts[i] : "").Append("\n\n");
        }

        return sb.ToString();
    }

    /// <summary>The texts again, in document order (a document's own lines never start with the marker and a number).</summary>
    public static List<string> Split(string composed, int documents)
    {
        var texts = new List<string>(documents);
        var lines = composed.Split('\n');
        StringBuilder? current = null;
        var next = 1;
        foreach (var line in lines)
        {
            if (line.StartsWith(Marker + next + " ", StringComparison.Ordinal) && line.EndsWith(" ===", StringComparison.Ordinal))
            {
                if (current is not null) texts.Add(current.ToString().TrimEnd('\n'));
                current = new StringBuilder();
                next++;
                continue;
            }

            current?.Append(line).Append('\n');
        }

        if (current is not null) texts.Add(current.ToString().TrimEnd('\n'));
        while (texts.Count < documents) texts.Add("");
        return texts;
    }
}
