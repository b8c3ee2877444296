using System.Text.RegularExpressions;
using GazetteNotify.Documents;
using GazetteNotify.DueDates;

namespace GazetteNotify.Web;

/// <summary>
/// What the admin pages say for values stored in English (statuses, and the resolver's review reasons and bases, which
/// the CLI prints as they are): one consistent Chinese term each — 已入库, 已拒收, 入库中, 待复核. A value not in the
/// table is shown as stored rather than hidden.
/// </summary>
public static partial class ChineseTerms
{
    public static string IssueStatus(string? status) => status switch
    {
        "ingested" => "已入库",
        "rejected" => "已拒收",
        "ingesting" => "入库中",
        _ => status ?? "",
    };

    /// <summary>An Issues row's status, by the word it is stored as.</summary>
    public static string IssueStatus(Documents.IssueStatus? status) => IssueStatus(status is { } s ? Storage.StoredName.Of(s) : null);

    public const string NeedsReview = "待复核";

    /// <summary>Why a limit waits for the admin (DueDateResolver's reasons), in Chinese.</summary>
    /// <summary>How the upload was read, as the admin's issue page says it.</summary>
    public static string Reader(string? reader) => reader switch
    {
        "Pdf" => "PDF（按文字层读取）",
        "Word" => "Word 文档（.docx）",
        "Html" => "网页（HTML）",
        "Text" or null => "文本",
        _ => reader,
    };

    public static string ReviewReason(string? reason)
    {
        if (string.IsNullOrEmpty(reason)) return "";
        foreach (var (pattern, chinese) in Reasons)
        {
            var match = pattern.Match(reason);
            if (match.Success) return pattern.Replace(reason, chinese, 1);
        }

        return reason;
    }

    /// <summary>How a date was reached (DueDateResolver's bases, or an admin's settlement), in Chinese.</summary>
    public static string Basis(string? basis) => ReviewReason(basis);

    /// <summary>Why a batch was poisoned (PoisonedBatches' words); SendGrid's or the SMTP server's own text is kept as it is.</summary>
    public static string BatchError(string? error) => error switch
    {
        null => "",
        "no error recorded (the worker stopped or timed out)" => "没有记录错误（发送进程中止或超时）",
        _ when error.StartsWith("not a readable batch: ", StringComparison.Ordinal) => "不是可读的批次：" + error["not a readable batch: ".Length..],
        _ => error,
    };

    private static readonly (Regex Pattern, string Chinese)[] Reasons =
    [
        (Exact("repeating limit without a stated day"), "周期性时限，未写明具体日期"),
        (Exact("date not understood"), "日期无法识别"),
        (new Regex(@"^due before the document was signed \((?<d>[\d-]+)\)$"), "到期日早于文件签发日期（${d}）"),
        (Exact("relative limit without a readable length"), "相对时限，期限长度无法识别"),
        (Exact("limit in hours: a rule of procedure, not a deadline"), "以小时计的时限：属于办事程序，不是任务期限"),
        (Exact("relative limit in a document without a signing date"), "相对时限，但文件没有签发日期"),
        (new Regex(@"^counted from an event \(«(?<e>.*)»\), not from the signing date$"), "自某一事件（「${e}」）起算，而非自签发日期起算"),
        (Exact("counted from an event the text does not name (a rule of procedure?)"), "自原文未写明的事件起算（可能是办事程序）"),
        (Exact("the holiday calendar does not cover these years (weekends only counted)"), "节假日安排未覆盖这些年份（仅扣除周末）"),
        (Exact("as written"), "原文写明的日期"),
        (Exact("recurring"), "周期性时限"),
        (new Regex(@"^(?<n>\d+)(?<u>个工作日|个月|周|日), from the signing date (?<d>[\d-]+)$"), "自签发日期 ${d} 起 ${n}${u}"),
        (new Regex(@"^set by the admin: (?<note>.*)$"), "由管理员设定：${note}"),
        (Exact("set by the admin"), "由管理员设定"),
    ];

    private static Regex Exact(string text) => new("^" + Regex.Escape(text) + "$");
}
