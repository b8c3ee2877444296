using System.Globalization;
using System.Text;
using Lucene.Net.Documents;
using Lucene.Net.Index;

namespace GazetteNotify.Search;

/// <summary>
/// The index's fields and how a <see cref="SearchDocument"/> becomes a Lucene document. Words (title, summary, text) are
/// segmented by SmartCn and keep term vectors with offsets for the highlighter; filters are single terms.
/// </summary>
public static class SearchFields
{
    public const string IssueKey = "issue";
    public const string DocKey = "doc";
    public const string Title = "title";
    public const string Summary = "summary";
    public const string Text = "text";
    public const string DocNumber = "number";

    /// <summary>The 发文字号 as written, for display (<see cref="DocNumber"/> holds the normalised term).</summary>
    public const string DocNumberShown = "number_shown";

    public const string Issuer = "issuer";
    public const string Topic = "topic";
    public const string Year = "year";
    public const string Kind = "kind";
    public const string SignedOn = "signed";

    public const string SignedShown = "signed_shown";

    /// <summary>The last day in force as yyyyMMdd; <see cref="Forever"/> when the document names none.</summary>
    public const string Until = "until";

    public const string Repealed = "repealed";

    public const int Forever = 99991231;

    /// <summary>The highlighter's marks: private-use characters, removed from every text before it is indexed.</summary>
    public const char MarkStart = '\uE000';

    public const char MarkEnd = '\uE001';

    private static readonly FieldType Highlighted = Freeze(new FieldType(TextField.TYPE_STORED)
        { StoreTermVectors = true, StoreTermVectorPositions = true, StoreTermVectorOffsets = true });

    private static FieldType Freeze(FieldType type)
    {
        type.Freeze();
        return type;
    }

    public static Document ToLucene(SearchDocument d)
    {
        var doc = new Document
        {
            new StringField(IssueKey, d.IssueKey, Field.Store.YES),
            new StringField(DocKey, d.DocKey, Field.Store.YES),
            new Field(Title, Plain(d.Title), Highlighted),
            new Field(Text, Plain(d.Text), Highlighted),
            new TextField(Summary, Plain(d.Summary ?? ""), Field.Store.YES),
            new StringField(Repealed, d.Repealed ? "1" : "0", Field.Store.YES),
            new Int32Field(Until, d.EffectiveUntil is { } u ? DayNumber(u) : Forever, Field.Store.YES),
        };
        if (d.DocNumber is { Length: > 0 } number)
        {
            doc.Add(new StringField(DocNumber, NormaliseDocNumber(number), Field.Store.NO));
            doc.Add(new StoredField(DocNumberShown, number));
        }

        if (d.Issuer is { Length: > 0 } issuer) doc.Add(new StringField(Issuer, issuer, Field.Store.YES));
        if (d.Kind is { Length: > 0 } kind) doc.Add(new StringField(Kind, kind, Field.Store.YES));
        foreach (var topic in d.Topics) doc.Add(new StringField(Topic, topic, Field.Store.NO));
        if (d.SignedDate is { } signed)
        {
            doc.Add(new StringField(Year, signed.Year.ToString(CultureInfo.InvariantCulture), Field.Store.NO));
            // Sorts a filter-only listing newest first, and breaks ties between equal scores.
            doc.Add(new NumericDocValuesField(SignedOn, DayNumber(signed)));
            doc.Add(new StoredField(SignedShown, DayNumber(signed)));
        }
        else
        {
            doc.Add(new NumericDocValuesField(SignedOn, 0));
        }

        return doc;
    }

    public static int DayNumber(DateOnly day) => day.Year * 10000 + day.Month * 100 + day.Day;

    public static DateOnly? FromDayNumber(int? n) =>
        n is > 0 and var v && v != Forever ? new DateOnly(v / 10000, v / 100 % 100, v % 100) : null;

    /// <summary>
    /// A 发文字号 as one comparable term: no spaces, full-width letters and digits as ASCII, the year's brackets as 〔〕
    /// (documents and readers write [2022], （2022）, 【2022】 too). 聊政办字 [2022] 22号 and 聊政办字〔2022〕22号 meet.
    /// </summary>
    public static string NormaliseDocNumber(string number)
    {
        var sb = new StringBuilder(number.Length);
        foreach (var ch in number.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsWhiteSpace(ch)) continue;
            sb.Append(ch switch
            {
                '[' or '(' or '【' or '（' or '［' => '〔',
                ']' or ')' or '】' or '）' or '］' => '〕',
                _ => ch,
            });
        }

        return sb.ToString();
    }

    /// <summary>Text without the highlighter's marks, so a document can never forge one.</summary>
    public static string Plain(string text) =>
        text.Contains(MarkStart) || text.Contains(MarkEnd) ? text.Replace(MarkStart.ToString(), "").Replace(MarkEnd.ToString(), "") : text;
}
