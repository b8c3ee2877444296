using System.Text.RegularExpressions;
using GazetteNotify.Parsing.Text;

namespace GazetteNotify.Parsing.Body;

/// <summary>The recognisable lines of a 公文 (GB/T 9704): 版头, signature organ, 成文日期, addressees, numbered headings.</summary>
internal static partial class LineShapes
{
    /// <summary>成文日期 alone on a line, or after the signature organ on the same line: 2022年6月6日, 二〇二二年六月六日.</summary>
    public static DateOnly? ParseDateLine(string line, out string? organPrefix)
    {
        organPrefix = null;
        if (line.Length is > 48 or < 6 || line[^1] != '日') return null;
        var m = DateLine().Match(line);
        if (!m.Success) return null;
        var year = ChineseNumerals.Parse(m.Groups["y"].ValueSpan);
        var month = ChineseNumerals.Parse(m.Groups["m"].ValueSpan);
        var day = ChineseNumerals.Parse(m.Groups["d"].ValueSpan);
        if (year is null or < 1949 or > 2100 || month is null or < 1 or > 12 || day is null or < 1) return null;
        if (day > DateTime.DaysInMonth(year.Value, month.Value)) return null;
        var prefix = m.Groups["organ"].Value.Trim();
        if (prefix.Length > 0)
        {
            if (!IsOrgan(prefix)) return null;
            organPrefix = prefix;
        }

        return new DateOnly(year.Value, month.Value, day.Value);
    }

    /// <summary>An organisation name standing alone: 聊城市人民政府, 聊城市人民政府办公室, 聊城市医疗保障局 …</summary>
    public static bool IsOrgan(string line) => line.Length is >= 3 and <= 40 && OrganEnds.Contains(line[^1]) && OrganLine().IsMatch(line);

    private static readonly System.Buffers.SearchValues<char> OrganEnds = System.Buffers.SearchValues.Create("府室厅会局委院心办部处所司行团站队");

    /// <summary>版头: the issuing organ's red header, 聊城市人民政府文件.</summary>
    public static bool IsMastheadOfDocument(string line) => line.Length is >= 4 and <= 30 && line.EndsWith("文件", StringComparison.Ordinal)
        && !line.Contains('，') && !line.Contains('。');

    /// <summary>主送机关: 各县（市、区）人民政府，市属开发区管委会，… ending with a colon.</summary>
    public static bool IsAddressee(string line) => line.Length <= 120 && (line.EndsWith('：') || line.EndsWith(':'))
        && !line.Contains('。');

    /// <summary>The start of an addressee list (which may wrap over lines before its colon).</summary>
    public static bool StartsAddressee(string line) => line.StartsWith('各') && line.Length <= 120 && !line.Contains('。');

    /// <summary>Continuation markers of the printed layout: （下转第N页） and （上接第N页）.</summary>
    public static Match ContinuedOn(string line) => ContinuedOnMarker().Match(line);

    public static Match ContinuedFrom(string line) => ContinuedFromMarker().Match(line);

    [GeneratedRegex(@"^(?<organ>[^\d〇○一二三四五六七八九]{0,40}?)\s*(?<y>[12]\d{3}|[〇○零一二三四五六七八九OＯ]{4})\s*年\s*(?<m>\d{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*(?<d>\d{1,2}|[一二三四五六七八九十]{1,3})\s*日$")]
    private static partial Regex DateLine();

    [GeneratedRegex(@"^[\p{IsCJKUnifiedIdeographs}（）()、\s]{2,38}(人民政府|政府|办公室|办公厅|委员会|管理委员会|管委会|局|委|厅|院|中心|办|部|处|所|会|公司|支行|分行|集团|站|队)$")]
    private static partial Regex OrganLine();

    [GeneratedRegex(@"[（(]\s*(?:下\s*)?转\s*(?:至\s*)?第?\s*(?<page>\d{1,4})\s*页\s*[）)]")]
    private static partial Regex ContinuedOnMarker();

    [GeneratedRegex(@"^[（(]\s*(?:上\s*接|接\s*上?|续)\s*(?:自\s*)?第?\s*(?<page>\d{1,4})\s*页\s*[）)]\s*")]
    private static partial Regex ContinuedFromMarker();
}
