using System.Text.RegularExpressions;

namespace GazetteNotify.Cli.Evaluation;

/// <summary>
/// Which forms of responsibility clause a corpus text writes, told by plain patterns over the text (not by the parser,
/// which is what is measured): the report scores each form over the files that hold it, so a form the parser reads
/// badly shows even when the overall figure is good. A file holding several forms counts for each.
/// </summary>
public static partial class ClauseForms
{
    private static readonly (string Name, Regex Pattern)[] Forms =
    [
        ("（…） full-width", FullWidth()),
        ("(…) half-width", HalfWidth()),
        ("〔…〕 or 【…】", SquareBrackets()),
        ("label on its own line", LabelLine()),
        ("label with 完成时限", LabelWithLimit()),
        ("X牵头，Y配合 in prose", RoleSentence()),
        ("responsibility table", TableHeader()),
    ];

    /// <summary>The forms the text holds, in the report's order.</summary>
    public static IReadOnlyList<string> In(string text) => [.. Forms.Where(f => f.Pattern.IsMatch(text)).Select(f => f.Name)];

    /// <summary>Every form, in the report's order.</summary>
    public static IEnumerable<string> All => Forms.Select(f => f.Name);

    private const string Role = "(?:牵头|配合|负责|责任单位|责任部门|主责单位|协办|协助|参与)";

    [GeneratedRegex("（[^（）\\n]{0,80}" + Role + "[^（）\\n]{0,80}）")]
    private static partial Regex FullWidth();

    [GeneratedRegex("\\([^()\\n]{0,80}" + Role + "[^()\\n]{0,80}\\)")]
    private static partial Regex HalfWidth();

    [GeneratedRegex("[〔【][^〔〕【】\\n]{0,80}" + Role + "[^〔〕【】\\n]{0,80}[〕】]")]
    private static partial Regex SquareBrackets();

    [GeneratedRegex(@"(?m)^\s*(?:牵头|责任|配合|协办|主办|主责|协同)(?:责任)?(?:单位|部门)\s*[：:]")]
    private static partial Regex LabelLine();

    [GeneratedRegex(@"(?:单位|部门)\s*[：:][^\n]{1,80}?[；;，,]\s*(?:完成时限|完成时间|时间节点)\s*[：:]")]
    private static partial Regex LabelWithLimit();

    [GeneratedRegex(@"(?<![（(〔【][^）)〕】\n]{0,80})[^\s（(，,。；;]{2,30}牵头[，,、][^\n（(]{2,60}?(?:配合|参与|协助)")]
    private static partial Regex RoleSentence();

    [GeneratedRegex(@"(?m)^\s*序\s*号\b|(?m)^(?=[^\n]*(?:牵头单位|责任单位|责任部门))(?=[^\n]*(?:完成时限|时间节点|工作任务|主要任务))")]
    private static partial Regex TableHeader();
}
