using System.Buffers;
using System.Text.RegularExpressions;

namespace GazetteNotify.Parsing.Tasks;

/// <summary>
/// What organisation names, time limits and table placeholders look like in Chinese government documents.
/// Shared by the clause finder, the unit splitter and the table reader; all checks are allocation-free.
/// </summary>
internal static partial class UnitShape
{
    public static bool IsOpen(char c) => c is '（' or '(';

    public static bool IsClose(char c) => c is '）' or ')';

    /// <summary>Spaces (ASCII, full-width, no-break) and the Markdown bold/italic marker.</summary>
    public static bool IsDecoration(char c) => c is ' ' or '\t' or '\u3000' or '\u00A0' or '*';

    public static bool IsDash(char c) => c is '—' or '－' or '-' or '–' or '―' or '─' or '━' or '﹣';

    /// <summary>True when the span is a table placeholder for "nothing": empty, dashes, 无, /, 、.</summary>
    public static bool IsPlaceholder(ReadOnlySpan<char> s)
    {
        s = TrimDecoration(s);
        if (s.IsEmpty) return true;
        if (s is "无" or "/" or "／" or "、" or "…" or "……") return true;
        foreach (var c in s)
        {
            if (!IsDash(c)) return false;
        }

        return true;
    }

    public static ReadOnlySpan<char> TrimDecoration(ReadOnlySpan<char> s)
    {
        var a = 0;
        var b = s.Length;
        while (a < b && IsDecoration(s[a])) a++;
        while (b > a && IsDecoration(s[b - 1])) b--;
        return s[a..b];
    }

    /// <summary>
    /// Removes trailing balanced parenthesised groups: 市教育局（市委教育工委） → 市教育局, 各县（市、区） → 各县.
    /// The name before the group decides whether the whole looks like an organisation.
    /// </summary>
    public static ReadOnlySpan<char> TrimTrailingGroups(ReadOnlySpan<char> s)
    {
        while (s.Length > 2 && IsClose(s[^1]))
        {
            var depth = 0;
            var open = -1;
            for (var i = s.Length - 1; i >= 0; i--)
            {
                if (IsClose(s[i])) depth++;
                else if (IsOpen(s[i]) && --depth == 0)
                {
                    open = i;
                    break;
                }
            }

            if (open <= 0) break;
            s = s[..open];
        }

        return s;
    }

    /// <summary>True when the span ends like the name of an organisation: 局 委 办 政府 管委会 中心 公司 支行 海关 部门 科协 …</summary>
    public static bool EndsWithOrgSuffix(ReadOnlySpan<char> s)
    {
        if (s.Length < 2) return false;
        var prev = s[^2];
        switch (s[^1])
        {
            case '局' or '委' or '办' or '府' or '院' or '部' or '厅' or '处' or '室' or '所' or '站' or '馆' or '团'
                or '社' or '队' or '关' or '署' or '司' or '校' or '台' or '组' or '联' or '军' or '庭' or '科':
                return true;
            case '会':
                // 委员会 管委会 联合会 协会 商会 工会 学会 基金会 红十字会 理事会 — but not 社会, 大会, 机会.
                return prev is '委' or '合' or '协' or '商' or '工' or '学' or '金' or '字' or '事';
            case '行':
                return prev is '银' or '支' or '分';
            case '心':
                return prev == '中';
            case '构':
                return prev == '机';
            case '位':
                return prev == '单';
            case '门':
                return prev == '部';
            case '道':
                return prev == '街';
            case '业':
                return prev == '企';
            case '街':
                return prev == '镇'; // 镇街: the towns and street offices of a city without counties
            case '协':
                return true; // 科协, 政协, 作协: associations named by their abbreviation
            case '学':
                return prev == '大'; // 聊城大学
            case '班':
                return prev == '专'; // 工作专班
            case '镇' or '乡':
                return s.Length >= 3 || prev is '乡' or '镇';
            case '县':
                return true; // 冠县, 莘县 are two characters
            case '区' or '市':
                return s.Length >= 3;
            default:
                return false;
        }
    }

    /// <summary>
    /// True when one entry of a unit list looks like an organisation name rather than prose:
    /// 市财政局, 各县（市、区）人民政府, 各县（市、区）, 市直有关部门, 聊城海关, 国网聊城供电公司 — but not 护理, 人事工作,
    /// 各地根据实际, 其他单位.
    /// </summary>
    public static bool IsUnitLike(ReadOnlySpan<char> s)
    {
        s = TrimDecoration(s);
        if (s.Length < 2 || s.Length > 40) return false;
        if (s.IndexOfAny(NotInNames) >= 0) return false;
        if (StartsWithProse(s)) return false;

        // 各县（市、区） and 市教育局（市委教育工委） are judged by the name before the parentheses.
        var core = TrimTrailingGroups(s);
        return core.Length >= 2 && EndsWithOrgSuffix(core);
    }

    private static bool StartsWithProse(ReadOnlySpan<char> s) =>
        s[0] is '全' or '本' or '该' or '对' or '在' or '将' or '把' or '按' or '如' or '若' or '经' or '向' or '从' or '为'
            or '以' or '要' or '请' or '和' or '及' or '与' or '并' or '由' or '凡' or '应'
        || s.StartsWith("其他") || s.StartsWith("其它") || s.StartsWith("其余") || s.StartsWith("上述")
        || s.StartsWith("所有") || s.StartsWith("根据") || s.StartsWith("负责") || s.StartsWith("我市")
        || s.StartsWith("有关单位和") || s.StartsWith("相关单位和") || StartsWithVerb(s);

    /// <summary>
    /// Task text opens with a verb (加快建设大湾区国家技术创新中心 ends like 中心 but is a task): no organisation's name
    /// starts with one of these.
    /// </summary>
    private static bool StartsWithVerb(ReadOnlySpan<char> s) =>
        s.StartsWith("加快") || s.StartsWith("加强") || s.StartsWith("推进") || s.StartsWith("推动") || s.StartsWith("完善")
        || s.StartsWith("开展") || s.StartsWith("提升") || s.StartsWith("深化") || s.StartsWith("做好") || s.StartsWith("促进")
        || s.StartsWith("打造") || s.StartsWith("积极") || s.StartsWith("全力") || s.StartsWith("持续") || s.StartsWith("大力")
        || s.StartsWith("进一步") || s.StartsWith("健全") || s.StartsWith("优化") || s.StartsWith("强化") || s.StartsWith("启动")
        || s.StartsWith("新建") || s.StartsWith("建成") || s.StartsWith("完成") || s.StartsWith("落实") || s.StartsWith("组织");

    private static readonly SearchValues<char> NotInNames = SearchValues.Create("。：:；;，,！？!?《》“”\"「」…=<>");

    /// <summary>
    /// True when the span reads as a time limit: 8 月底, 2019年8月底, 2019年底前, 年内, 全年, 第三季度, 长期坚持, 持续推进.
    /// </summary>
    public static bool IsTimeLike(ReadOnlySpan<char> s)
    {
        s = TrimDecoration(s);
        if (s.IsEmpty || s.Length > 24) return false;
        return TimeRegex().IsMatch(s);
    }

    [GeneratedRegex(@"^[^、，,；;。]{0,10}?(?:(?:19|20)\d\d\s*年|(?:\d{1,2}|[一二三四五六七八九十]{1,2})\s*(?:月|个月|日|周|天)|年底|年内|年末|全年|季度|半年|长期|持续|常态|立即|即日|同步)[^、，,；;。]{0,16}$")]
    private static partial Regex TimeRegex();

    /// <summary>A 序号 cell: 1, 30, 1., （一）, 一、, (3).</summary>
    public static bool IsItemNumber(ReadOnlySpan<char> s)
    {
        s = TrimDecoration(s);
        return !s.IsEmpty && s.Length <= 8 && ItemRegex().IsMatch(s);
    }

    [GeneratedRegex(@"^(?:第?\d{1,3}[.．、]?|[（(]\d{1,3}[）)]|[（(]?[一二三四五六七八九十百]{1,4}[）)、.．]?)$")]
    private static partial Regex ItemRegex();

    /// <summary>A section heading: 一、… / （一）… / 第一部分 — a heading between table rows, never a cell of one.</summary>
    public static bool IsSectionHeading(string s) => SectionHeading().IsMatch(s);

    [GeneratedRegex(@"^(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]\S|第[一二三四五六七八九十]{1,3}(?:部分|章|节))")]
    private static partial Regex SectionHeading();
}
