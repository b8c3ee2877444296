using System.Text.RegularExpressions;

namespace GazetteNotify.Parsing.Tasks;

/// <summary>
/// A sentence stating how to read the lists of units: 列第一位者为牵头部门, 排在第一位的为牵头单位, 列在分工项目首位的为
/// 牵头单位，其他为协办单位. It is a rule for the clauses of its document (first unit leads, the others support), never a
/// list of units itself.
/// </summary>
internal static partial class FirstListedRule
{
    /// <summary>True when <paramref name="text"/> states that the first unit listed leads.</summary>
    public static bool IsStated(ReadOnlySpan<char> text) =>
        (text.Contains("第一", StringComparison.Ordinal) || text.Contains("首位", StringComparison.Ordinal)) && Rule().IsMatch(text);

    // 列/排/位 [在/于/居] [a few words: 分工项目] 第一[位/个/名] | 首位 [的/者] [单位/部门] 为/是 牵头.
    [GeneratedRegex(@"(?:列|排|位)(?:在|于|居)?[^，,。；;：:]{0,8}?(?:第一(?:位|个|名)?|首位)(?:的|者)?(?:单位|部门)?(?:为|是)牵头")]
    private static partial Regex Rule();
}
