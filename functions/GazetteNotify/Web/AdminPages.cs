using System.Globalization;
using System.Text;
using GazetteNotify.Departments;
using GazetteNotify.Ingestion;
using GazetteNotify.Mail;
using GazetteNotify.Queries;
using GazetteNotify.Reminders;
using GazetteNotify.Storage;

namespace GazetteNotify.Web;

/// <summary>
/// The admin's page (admin key / function key): issues with status and warnings, rejected uploads with their reasons,
/// each issue's documents, tasks and deadlines, limits waiting for review, unmapped units, recent deliveries and
/// failures, poisoned batches. Plain HTML, every value escaped; links keep the key (?code=).
/// </summary>
public sealed class AdminPages(GazetteStorage storage, PoisonedBatches poisoned, TimeProvider clock)
{
    private static string E(string? value) => Pages.E(value);

    private static string Keep(string path, string? code) => code is null ? path : $"{path}?code={Uri.EscapeDataString(code)}";

    public async Task<PageResult> DashboardAsync(string? code, CancellationToken cancellationToken = default)
    {
        var issues = await new IssueQueries(storage).ListAsync(cancellationToken);
        var review = (await new DeadlineSource(storage).ReviewListAsync(cancellationToken)).Where(r => r.GetBoolean("Dismissed") != true).ToList();
        var (unreached, named) = await new UnmappedUnits(storage).ListAsync(cancellationToken);
        var deliveries = await new RecentDeliveries(storage, clock).ListAsync(TimeSpan.FromDays(14), cancellationToken);
        var poison = await poisoned.ListAsync(cancellationToken);

        var sb = new StringBuilder();
        sb.Append("<h2>公报（").Append(issues.Count(i => i.Status == "ingested")).Append(" 期已入库）</h2>\n<table><thead><tr><th>期号</th><th>状态</th><th>文件</th><th>任务</th><th>时限</th><th>警告</th><th>上传文件</th></tr></thead><tbody>\n");
        foreach (var i in issues.Where(i => i.Status != "rejected").OrderByDescending(i => i.Key, StringComparer.Ordinal))
        {
            sb.Append("<tr><td><a href=\"").Append(E(Keep("admin/issues/" + Uri.EscapeDataString(i.Key), code))).Append("\">").Append(E(i.Key)).Append("</a></td><td>")
              .Append(E(ChineseTerms.IssueStatus(i.Status))).Append("</td><td>").Append(i.Documents).Append("</td><td>").Append(i.Tasks).Append("</td><td>").Append(i.Deadlines)
              .Append("</td><td>").Append(i.Warnings).Append(i.WarningTexts.Count > 0 ? "<br><small>" + E(string.Join("；", i.WarningTexts.Take(3))) + "</small>" : "")
              .Append(i.Lost is null ? "" : "<br><strong>替换了先前上传的版本：" + E(i.Lost) + "</strong><br><small>" + E("gazette-parsed/" + i.ReplacedVersion) + "</small>")
              .Append("</td><td>").Append(E(i.BlobName)).Append("</td></tr>\n");
        }

        sb.Append("</tbody></table>\n<h2>已拒收的上传</h2>\n");
        var rejected = issues.Where(i => i.Status == "rejected").ToList();
        if (rejected.Count == 0) sb.Append("<p>无。</p>\n");
        else
        {
            sb.Append("<table><thead><tr><th>上传文件</th><th>原因</th><th>时间</th></tr></thead><tbody>\n");
            foreach (var r in rejected) sb.Append("<tr><td>").Append(E(r.BlobName)).Append("</td><td>").Append(E(r.Reason)).Append("</td><td>").Append(E(Time(r.IngestedAt))).Append("</td></tr>\n");
            sb.Append("</tbody></table>\n");
        }

        sb.Append("<h2>待复核的时限（").Append(review.Count).Append("）</h2>\n<ul>\n");
        foreach (var r in review.Take(50))
        {
            sb.Append("<li>").Append(E(r.GetString("Phrase"))).Append(" · ").Append(E(r.GetString("DocNumber") ?? r.GetString("Title"))).Append(" 第").Append(E(r.GetString("Item"))).Append("项：")
              .Append(E(ChineseTerms.ReviewReason(r.GetString("Review")))).Append("</li>\n");
        }

        sb.Append("</ul>\n<h2>未对应到单位的名称（").Append(unreached.Count).Append(" / ").Append(named).Append("）</h2>\n<ul>\n");
        foreach (var u in unreached)
        {
            sb.Append("<li>").Append(E(u.Name)).Append('（').Append(E(u.Resolution.Kind == ResolutionKind.NotRecipient ? "非收件单位" : "未对应")).Append("）：")
              .Append(E(string.Join("、", u.NamedIn))).Append("</li>\n");
        }

        sb.Append("</ul>\n<h2>最近发送（14 天）</h2>\n<table><thead><tr><th>批次</th><th>已发送</th><th>发送中</th><th>失败</th><th>错误</th></tr></thead><tbody>\n");
        foreach (var d in deliveries.Take(50))
        {
            sb.Append("<tr><td>").Append(E(d.Key)).Append("</td><td>").Append(d.Sent).Append("</td><td>").Append(d.Sending).Append("</td><td>").Append(d.Failed)
              .Append("</td><td>").Append(E(string.Join("；", d.Errors))).Append("</td></tr>\n");
        }

        sb.Append("</tbody></table>\n<h2>无法投递的批次（").Append(poison.Count).Append("）</h2>\n<ul>\n");
        foreach (var p in poison.Take(50))
        {
            sb.Append("<li>").Append(E(Time(p.GetDateTimeOffset("RecordedAt")))).Append(" · ").Append(E(p.GetString("Run"))).Append(" · ").Append(E(p.GetString("Subject")))
              .Append(" · ").Append(E(p.GetString("Error"))).Append("</li>\n");
        }

        sb.Append("</ul>\n");
        return new PageResult(200, Layout("公报订阅提醒 · 管理", sb.ToString()));
    }

    public async Task<PageResult> IssueAsync(string? issueKey, string? code, CancellationToken cancellationToken = default)
    {
        var detail = string.IsNullOrWhiteSpace(issueKey) ? null : await new IssueQueries(storage).ShowAsync(issueKey, cancellationToken);
        if (detail is null) return new PageResult(404, Layout("找不到", "<p>没有这一期。</p>"));
        var states = await new TaskStates(storage).NotOpenAsync(cancellationToken);
        var sb = new StringBuilder();
        sb.Append("<p><a href=\"").Append(E(Keep("admin", code))).Append("\">← 全部公报</a></p>\n<h2>文件</h2>\n<ol>\n");
        foreach (var d in detail.Documents)
        {
            sb.Append("<li><strong>").Append(E(d.GetString("Title"))).Append("</strong> ").Append(E(d.GetString("DocNumber"))).Append(" · ").Append(E(d.GetString("Issuer")))
              .Append(" · ").Append(E(d.GetString("SignedDate"))).Append("<br><small>").Append(E(d.GetString("Summary"))).Append("</small></li>\n");
        }

        sb.Append("</ol>\n<h2>任务</h2>\n<table><thead><tr><th>任务</th><th>文号</th><th>条目</th><th>牵头/责任</th><th>配合</th><th>时限</th><th>状态</th></tr></thead><tbody>\n");
        foreach (var t in detail.Tasks)
        {
            var key = detail.Issue.Key + "|" + t.RowKey;
            var state = states.TryGetValue(key, out var s) ? s : TaskState.Open;
            sb.Append("<tr><td>").Append(E(t.RowKey)).Append("</td><td>").Append(E(t.GetString("DocNumber"))).Append("</td><td>").Append(E(t.GetString("Item")))
              .Append("</td><td>").Append(E(string.Join("、", IssueRows.FromJson(t.GetString("Lead"))))).Append("</td><td>").Append(E(string.Join("、", IssueRows.FromJson(t.GetString("Support")))))
              .Append("</td><td>").Append(E(string.Join("、", IssueRows.FromJson(t.GetString("Deadlines"))))).Append("</td><td>").Append(E(TaskHandlers.StateName(state))).Append("</td></tr>\n");
        }

        sb.Append("</tbody></table>\n<h2>时限</h2>\n<table><thead><tr><th>日期</th><th>原文</th><th>文号</th><th>条目</th><th>依据</th></tr></thead><tbody>\n");
        foreach (var d in detail.Deadlines.OrderBy(d => d.RowKey, StringComparer.Ordinal))
        {
            var date = d.GetString("Date") ?? (d.PartitionKey == DeadlinePartition.Recurring ? "周期性" : ChineseTerms.NeedsReview);
            sb.Append("<tr><td>").Append(E(date)).Append("</td><td>").Append(E(d.GetString("Phrase"))).Append("</td><td>").Append(E(d.GetString("DocNumber")))
              .Append("</td><td>").Append(E(d.GetString("Item"))).Append("</td><td>").Append(E(d.GetString("Review") is { } review ? ChineseTerms.ReviewReason(review) : ChineseTerms.Basis(d.GetString("Basis")))).Append("</td></tr>\n");
        }

        sb.Append("</tbody></table>\n");
        return new PageResult(200, Layout($"{detail.Issue.Key} · {detail.Issue.Title}", sb.ToString()));
    }

    private static string Time(DateTimeOffset? at) => at?.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "";

    private static string Layout(string title, string body) => $$"""
        <!doctype html>
        <html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="robots" content="noindex"><title>{{E(title)}}</title>
        <style>body{font-family:sans-serif;line-height:1.5;margin:0 auto;padding:1em;max-width:72em}table{border-collapse:collapse;width:100%;margin-bottom:1em}th,td{border:1px solid #ccc;padding:.3em .5em;text-align:left;vertical-align:top}th{background:#f3f3f3}small{color:#555}</style>
        </head><body><main>
        <h1>{{E(title)}}</h1>
        {{body}}
        </main></body></html>
        """;
}
