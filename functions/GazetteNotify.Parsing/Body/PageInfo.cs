using System.Globalization;
using System.Text.RegularExpressions;
using GazetteNotify.Parsing.References;
using GazetteNotify.Parsing.Text;

namespace GazetteNotify.Parsing.Body;

/// <summary>
/// The information table a government website prints above a document (政府信息公开目录): 索引号, 发布机构, 成文日期,
/// 文号, 名称 — as `label: value` pairs on one line, one pair per line, a table row of cells (| 发布机构: | X |), or a
/// label with its value on the next line. Copied text keeps it, and it often states what the document's own header
/// lost (a 发文字号 garbled on the page, a signing date cut off). Only labels that name a document's title, number,
/// issuer or signing date are read; 发布日期 (the day the page went up) is not a signing date.
/// </summary>
internal sealed partial record PageInfo(string? Title, string? DocNumber, string? Issuer, DateOnly? SignedDate, int End)
{
    public static readonly PageInfo None = new(null, null, null, null, 0);

    /// <summary>How many lines from the top the table may reach (labels and values each on a line of their own).</summary>
    private const int Window = 60;

    public bool IsEmpty => Title is null && DocNumber is null && Issuer is null && SignedDate is null;

    /// <summary>A line that is a `label: value` field of page furniture (发布时间:…, 来源:…, • 索引号:…), never a title or prose.</summary>
    public static bool IsFieldLine(string line) => FieldStart().IsMatch(line);

    /// <summary>The fields found in lines [0, <paramref name="before"/>) (at most <see cref="Window"/> lines); End is the line after the last label.</summary>
    public static PageInfo Read(IReadOnlyList<string> lines, int before)
    {
        string? title = null, number = null, issuer = null;
        DateOnly? date = null;
        var last = -1;
        var end = Math.Min(Math.Min(before, lines.Count), Window);
        for (var i = 0; i < end; i++)
        {
            var line = lines[i];
            if (line.Length == 0) continue;
            var labels = Label().Matches(line);
            if (labels.Count > 0) last = i;
            for (var k = 0; k < labels.Count; k++)
            {
                var label = labels[k];
                var valueEnd = k + 1 < labels.Count ? labels[k + 1].Index : line.Length;
                var value = Clean(line[(label.Index + label.Length)..valueEnd]);
                if (value.Length == 0 && k + 1 == labels.Count) value = Clean(NextValueLine(lines, i, end));
                if (value.Length == 0) continue;
                var field = label.Groups["field"].Value;
                if (TitleLabels.Contains(field)) title ??= SingleDocument.IsTitle(value) ? value : null;
                else if (NumberLabels.Contains(field)) number ??= References.DocNumber.TryParseWhole(value);
                else if (IssuerLabels.Contains(field)) issuer ??= IssuerOf(value);
                else if (DateLabels.Contains(field)) date ??= DateOf(value);
            }
        }

        return new PageInfo(title, number, issuer, date, last + 1);
    }

    private static string NextValueLine(IReadOnlyList<string> lines, int i, int end)
    {
        for (var j = i + 1; j < end && j <= i + 3; j++)
        {
            if (lines[j].Length == 0) continue;
            return Label().IsMatch(lines[j]) ? "" : lines[j];
        }

        return "";
    }

    /// <summary>A value without the table's pipes, bullets and brackets around it.</summary>
    private static string Clean(string value) => value.Trim().Trim('|', '｜', '•', '·', '】', '【', ':', '：', ' ', '\u3000').Trim();

    /// <summary>宣城市人民政府(办公室) → 宣城市人民政府: a site's note on which office posted it is not the issuer.</summary>
    private static string? IssuerOf(string value)
    {
        var organ = TextShape.CloseCjkGaps(TrailingNote().Replace(value, ""));
        return LineShapes.IsOrgan(organ) ? organ : null;
    }

    private static DateOnly? DateOf(string value)
    {
        var m = DateValue().Match(value);
        if (!m.Success) return null;
        var (y, mo, d) = (int.Parse(m.Groups["y"].ValueSpan, CultureInfo.InvariantCulture), int.Parse(m.Groups["m"].ValueSpan, CultureInfo.InvariantCulture), int.Parse(m.Groups["d"].ValueSpan, CultureInfo.InvariantCulture));
        return y is >= 1949 and <= 2100 && mo is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, mo) ? new DateOnly(y, mo, d) : null;
    }

    private static readonly HashSet<string> TitleLabels = ["名称", "标题", "信息名称", "文件名称", "文件标题", "题名"];

    private static readonly HashSet<string> NumberLabels = ["文号", "发文字号", "发布文号", "发文文号", "备注/文号", "文件编号", "字号"];

    private static readonly HashSet<string> IssuerLabels = ["发布机构", "发文机关", "发文单位", "发文机构", "发布单位", "制发机关", "成文机关"];

    private static readonly HashSet<string> DateLabels = ["成文日期", "发文日期", "公文生成日期", "印发日期", "签发日期", "生成日期"];

    /// <summary>Any label of the table (also those not read, so that a value stops where the next label starts).</summary>
    [GeneratedRegex(@"(?:^|(?<=[\s|｜•·【】]))[【]?(?<field>索\s*引\s*号|主题分类|组配分类|体裁分类|主题词|关键词|有效性|信息来源|来源|发布时间|发布日期|浏览次数|点击数|备注/文号|发文字号|发布文号|发文文号|文件编号|文号|字号|信息名称|文件名称|文件标题|名称|标题|题名|发布机构|发文机关|发文单位|发文机构|发布单位|制发机关|成文机关|公文生成日期|成文日期|发文日期|印发日期|签发日期|生成日期|生效日期|失效日期|所属类别|文件来源|内容概述)[】]?\s*(?:[:：]|(?=\s*[|｜])|$|(?<=】))")]
    private static partial Regex Label();

    /// <summary>A field line: an optional bullet, a short label and its colon at the start (发布时间:2020-05-29).</summary>
    [GeneratedRegex(@"^\s*[•·\-*|｜]?\s*[【]?[\p{IsCJKUnifiedIdeographs}/\s]{1,8}[】]?\s*[:：](?![：:])")]
    private static partial Regex FieldStart();

    [GeneratedRegex(@"[（(][^（）()]{1,8}[）)]$")]
    private static partial Regex TrailingNote();

    [GeneratedRegex(@"(?<y>(?:19|20)\d\d)\s*[-/.年]\s*(?<m>\d{1,2})\s*[-/.月]\s*(?<d>\d{1,2})")]
    private static partial Regex DateValue();
}
