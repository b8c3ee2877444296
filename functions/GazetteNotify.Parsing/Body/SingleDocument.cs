using System.Text.RegularExpressions;
using GazetteNotify.Parsing.Text;

namespace GazetteNotify.Parsing.Body;

/// <summary>
/// A text with no table of contents and no 发文字号 header can still be one government document (a department's
/// notice as a web page, a 工作要点 without a number). GB/T 9704 gives it a shape: a title near the top (关于…的通知,
/// …工作要点, …实施方案, …办法（试行）) and around it the marks of the genre — an addressee (各县（市、区）人民政府…：),
/// a signature date (2023年3月1日), a publication note (此件公开发布 / 此件主动公开), a masthead (…文件), or
/// responsibility clauses (责任单位：/ 牵头单位：). A title with at least one mark is a document; anything else — a
/// shopping list, a novel, code — is not.
/// </summary>
internal static partial class SingleDocument
{
    /// <summary>How far down the title may stand (web pages put navigation and a date line above it).</summary>
    private const int TitleWindow = 40;

    /// <summary>
    /// The documents of a text with neither a TOC nor a 发文字号 header: from the first title on (and each further
    /// title with its addressee), with a covering notice printed above it; else from the end of the page's information
    /// table when only that names it; else, for a responsibility sheet without any title, from the top. Empty when the
    /// text has none of these shapes.
    /// </summary>
    public static List<LocatedDocument> Locate(IReadOnlyList<string> lines, int from, PageInfo pageInfo, List<string> warnings)
    {
        List<LocatedDocument> located;
        if (FindTitle(lines, from) is var title and >= 0)
        {
            var starts = FindFollowing(lines, title);
            starts.Insert(0, title);
            located = starts.ConvertAll(start => new LocatedDocument(null, null, start, start));
            if (PrefaceAbove(lines, from, title) is var preface and >= 0)
            {
                // A covering notice printed without its own title (it starts at its 主送 line) above the plan it
                // issues: the notice is part of the document, named by the plan's title.
                located[0] = new LocatedDocument(null, null, preface, preface) { StartsWithBody = true, Title = TitleAt(lines, title) };
            }
        }
        else if (pageInfo.Title is not null)
        {
            located = [new LocatedDocument(null, null, pageInfo.End, pageInfo.End) { StartsWithBody = true }];
        }
        else if (IsUntitledSheet(lines, from))
        {
            located = [new LocatedDocument(null, null, from, from) { StartsWithBody = true }];
            warnings.Add("no title found: the text is read as one untitled document because its responsibility clauses or table mark it as one");
        }
        else
        {
            return [];
        }

        DocumentLocator.AssignRegions(located, lines.Count);
        return located;
    }

    /// <summary>The line the single document's title stands on (where it starts), or -1 when the text has not the shape of one.</summary>
    public static int FindTitle(IReadOnlyList<string> lines, int from)
    {
        var title = -1;
        var seen = 0;
        for (var i = from; i < lines.Count && seen < TitleWindow; i++)
        {
            if (lines[i].Length == 0) continue;
            seen++;
            if (PageInfo.IsFieldLine(lines[i])) continue;
            if (IsTitle(lines[i]) || (i + 1 < lines.Count && IsWrappedTitle(lines[i], lines[i + 1]) && !IsTitle(lines[i + 1])))
            {
                title = i;
                break;
            }
        }

        return title >= 0 && HasMarks(lines, title) ? title : -1;
    }

    /// <summary>
    /// Further documents pasted after the first without a number or a TOC: a title whose addressee (主送) follows within
    /// two lines, after the previous document's prose — the strongest mark, since a heading or an attachment's title
    /// inside a document has none.
    /// </summary>
    private static List<int> FindFollowing(IReadOnlyList<string> lines, int first)
    {
        var starts = new List<int>();
        var prose = false;
        for (var i = first + 1; i < lines.Count; i++)
        {
            // A title before any sentence of the current document is its own title printed again (web pages do).
            if (lines[i].Contains('。')) prose = true;
            if (!prose || lines[i].Length is 0 or > 90 || !IsTitle(lines[i]) || PageInfo.IsFieldLine(lines[i])) continue;
            var seen = 0;
            for (var j = i + 1; j < lines.Count && seen < 3; j++)
            {
                if (lines[j].Length == 0) continue;
                seen++;
                if (LineShapes.IsAddressee(lines[j]) || LineShapes.StartsAddressee(lines[j]))
                {
                    starts.Add(i);
                    prose = false;
                    i = j;
                    break;
                }

                // Only a number or the title's second line stands between a title and its addressee.
                if (lines[j].Contains('。') || IsTitle(lines[j])) break;
            }
        }

        return starts;
    }

    /// <summary>关于…(的)通知/意见/…, or a plan-like name ending in its genre (2023年政务公开工作要点), short, no sentence in it.</summary>
    public static bool IsTitle(string line)
    {
        var text = TitleText(line);
        if (text.Length is < 6 or > 90 || text.Contains('。') || text.EndsWith('：') || text.EndsWith(':') || text.EndsWith('，')) return false;
        var core = Qualifier().Replace(text, "");
        if (!GenreEnd().IsMatch(core)) return false;
        return core.Contains("关于", StringComparison.Ordinal) || core.Length <= 40;
    }

    /// <summary>
    /// The 主送 line of a covering notice printed above the title found (an excerpt or a page that starts at the notice's
    /// addressee, then its prose and signature, then the plan it issues), or -1 when the title is the first thing.
    /// </summary>
    private static int PrefaceAbove(IReadOnlyList<string> lines, int from, int title)
    {
        for (var i = from; i < title; i++)
        {
            if (lines[i].Length == 0 || PageInfo.IsFieldLine(lines[i]) && !LineShapes.IsAddressee(lines[i])) continue;
            if (!LineShapes.IsAddressee(lines[i]) && !LineShapes.StartsAddressee(lines[i])) return -1;
            // Prose follows it before the title: a notice, not a list of names.
            for (var j = i + 1; j < title; j++)
            {
                if (lines[j].Contains('。')) return i;
            }

            return -1;
        }

        return -1;
    }

    /// <summary>The title standing at <paramref name="line"/> (joined with the next line when it wraps there).</summary>
    private static string TitleAt(IReadOnlyList<string> lines, int line) =>
        TitleText(line + 1 < lines.Count && IsWrappedTitle(lines[line], lines[line + 1]) ? lines[line] + lines[line + 1] : lines[line]);

    /// <summary>A title wrapped over two lines: the first is not one on its own, both together are (省人民政府关于 / 进一步…的若干意见).</summary>
    public static bool IsWrappedTitle(string first, string second) => !IsTitle(first) && IsTitle(first + second);

    /// <summary>A title line as the title reads: gaps between Chinese characters closed, the site's name and 《》 dropped.</summary>
    public static string TitleText(string line) => Unquoted(WithoutSiteName(TextShape.CloseCjkGaps(line.Trim())));

    /// <summary>
    /// A responsibility sheet copied without its heading (a 牵头单位： line, a table's header row): the genre's marks in
    /// its first lines make it a document even though no title is printed.
    /// </summary>
    private static bool IsUntitledSheet(IReadOnlyList<string> lines, int from)
    {
        var seen = 0;
        for (var i = from; i < lines.Count && i < from + TitleWindow; i++)
        {
            // A label line or a table's header is short; a mark inside a line of thousands is not a sheet's.
            if (lines[i].Length is > 0 and <= 300 && Marks().IsMatch(lines[i])) return true;
            // A copy that starts at its 发文字号 or its 主送 line (甘政发〔2022〕9号 / 各市、自治州人民政府，…：), the title
            // left on another page: the addressee list of organs opening the text is the genre's own.
            if (lines[i].Length > 0 && ++seen <= 3 && IsAddressList(lines[i])) return true;
        }

        return false;
    }

    /// <summary>各市、自治州人民政府，省政府各部门： — organs listed and closed by a colon, not a sentence (…通知如下：).</summary>
    private static bool IsAddressList(string line)
    {
        var trimmed = line.Trim();
        return LineShapes.IsAddressee(trimmed) && trimmed.Length >= 6 && AddressedOrgans().IsMatch(trimmed) && !trimmed.Contains("如下", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^(?:各|省|市|区|县|州|自治|中央|国务院).{0,100}(?:政府|部门|单位|机构|委员会|管委会|委|办|厅|局|街道|乡镇)[：:]$")]
    private static partial Regex AddressedOrgans();

    /// <summary>《成都市人民政府办公厅关于…的通知》 → the title inside: some sites print the heading in book-title marks.</summary>
    private static string Unquoted(string text) =>
        text.Length > 2 && text[0] == '《' && text[^1] == '》' && text.IndexOf('《', 1) < 0 ? text[1..^1] : text;

    /// <summary>
    /// A page title with the site's name after it (…的通知-XX市人民政府网, …的通知_门户网站, …的通知 | 首页): the title is the
    /// part before the last dash, underscore or bar when that part ends in a genre.
    /// </summary>
    private static string WithoutSiteName(string text)
    {
        var cut = text.LastIndexOfAny(SiteSeparators);
        if (cut < 6 || cut > text.Length - 2) return text;
        var before = text[..cut].TrimEnd();
        return GenreEnd().IsMatch(Qualifier().Replace(before, "")) ? before : text;
    }

    private static readonly System.Buffers.SearchValues<char> SiteSeparators = System.Buffers.SearchValues.Create("-_|｜—–");

    private static bool HasMarks(IReadOnlyList<string> lines, int title)
    {
        var after = 0;
        for (var i = Math.Max(0, title - 6); i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.Length == 0) continue;
            if (i > title) after++;
            if (i < title && LineShapes.IsMastheadOfDocument(line)) return true;
            if (i > title && after <= 8 && (LineShapes.IsAddressee(line) || LineShapes.StartsAddressee(line))) return true;
            if (i > title && LineShapes.ParseDateLine(line.Trim(), out _) is not null) return true;
            if (Marks().IsMatch(line)) return true;
        }

        return false;
    }

    /// <summary>（试行） （暂行） （征求意见稿） （修订） （2023年） （1-11月） at the end of a title.</summary>
    [GeneratedRegex(@"[（(](?:试行|暂行|征求意见稿|修订|修订稿|草案|(?:19|20)\d\d年?(?:度)?|\d{1,2}\s*[-—–~至]\s*\d{1,2}\s*月)[）)]\s*$")]
    private static partial Regex Qualifier();

    [GeneratedRegex(@"(?:通知|通告|公告|通报|意见|决定|办法|方案|规定|细则|规划|批复|报告|函|要点|纲要|计划|条例|规则|命令|决议|清单|指南|措施|若干措施|制度|规范|标准|安排|任务分工|责任分工|责任分解|任务分解|分解表|分工表|重点工作|情况)$")]
    private static partial Regex GenreEnd();

    [GeneratedRegex(@"此件(?:公开发布|主动公开|不予公开|依申请公开)|(?:责任单位|牵头单位|配合单位|责任部门)\s*[：:]|[（(][^（）()]{2,60}(?:牵头|负责)[，,、；;]|(?:^|[|｜\t ])\s*(?:牵头|责任|配合|协办|主责|协同|牵头责任)\s*(?:单位|部门|科室|主体)(?:[（(][^）)]{1,6}[）)])?\s*(?:[|｜\t ]|$)|^\s*序\s*号\s*[|｜\t]?\s*$")]
    private static partial Regex Marks();
}
