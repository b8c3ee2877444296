using System.Globalization;
using System.Text;
using GazetteNotify.Departments;
using GazetteNotify.Documents;
using GazetteNotify.Ingestion;
using GazetteNotify.Mail;
using GazetteNotify.Queries;
using GazetteNotify.Reminders;
using GazetteNotify.Site;
using GazetteNotify.Storage;

namespace GazetteNotify.Web;

/// <summary>
/// The admin's page (admin key / function key): issues with status and warnings, rejected uploads with their reasons,
/// each issue's documents, tasks and deadlines, limits waiting for review, unmapped units, recent deliveries and
/// failures, poisoned batches, departments without an address, and what admins did. Its buttons (settle or dismiss a
/// limit, add an address, import the directory, retry a batch, re-ingest an upload) post to AdminActionHandlers with a
/// form token bound to the key. Plain HTML, every value escaped; links keep the key (?code=).
/// </summary>
public sealed class AdminPages(GazetteStorage storage, PoisonedBatches poisoned, Site.LinkTokens tokens, Site.SiteSettings settings, TimeProvider clock)
{
    private static string E(string? value) => Pages.E(value);

    public async Task<PageResult> DashboardAsync(AdminCaller caller, CancellationToken cancellationToken = default)
    {
        var code = caller.Code;
        var formToken = caller.FormToken(tokens);
        var directory = await new DepartmentStore(storage).LoadAsync(cancellationToken);
        var actions = await new Admin.AdminAudit(storage, clock).RecentAsync(20, cancellationToken);
        var issues = await new IssueQueries(storage).ListAsync(cancellationToken);
        var review = (await new DeadlineSource(storage).ReviewListAsync(cancellationToken)).Where(r => r.Dismissed != true).ToList();
        var (unreached, named) = await new UnmappedUnits(storage).ListAsync(cancellationToken);
        var deliveries = await new RecentDeliveries(storage, clock).ListAsync(TimeSpan.FromDays(14), cancellationToken);
        var poison = await poisoned.ListAsync(cancellationToken);

        var sb = new StringBuilder();
        sb.Append("<h2>公报（").Append(issues.Count(i => i.Status == IssueStatus.Ingested)).Append(" 期已入库）</h2>\n<table><thead><tr><th>期号</th><th>状态</th><th>文件</th><th>任务</th><th>时限</th><th>警告</th><th>上传文件</th><th>操作</th></tr></thead><tbody>\n");
        foreach (var i in issues.Where(i => i.Status != IssueStatus.Rejected).OrderByDescending(i => i.Key, StringComparer.Ordinal))
        {
            sb.Append("<tr><td><a href=\"").Append(E(AdminCaller.WithCode("admin/issues/" + Uri.EscapeDataString(i.Key), code))).Append("\">").Append(E(i.Key)).Append("</a></td><td>")
              .Append(E(ChineseTerms.IssueStatus(i.Status))).Append("</td><td>").Append(i.Documents).Append("</td><td>").Append(i.Tasks).Append("</td><td>").Append(i.Deadlines)
              .Append("</td><td>").Append(i.Warnings).Append(i.WarningTexts.Count > 0 ? "<br><small>" + E(string.Join("；", i.WarningTexts.Take(3))) + "</small>" : "")
              .Append(i.Lost is null ? "" : "<br><strong>替换了先前上传的版本：" + E(i.Lost) + "</strong><br><small>" + E("gazette-parsed/" + i.ReplacedVersion) + "</small>")
              .Append("</td><td>").Append(E(i.BlobName)).Append("</td><td>").Append(Reingest(i.BlobName, code, formToken)).Append("</td></tr>\n");
        }

        sb.Append("</tbody></table>\n<h2>已拒收的上传</h2>\n");
        var rejected = issues.Where(i => i.Status == IssueStatus.Rejected).ToList();
        if (rejected.Count == 0) sb.Append("<p>无。</p>\n");
        else
        {
            sb.Append("<table><thead><tr><th>上传文件</th><th>原因</th><th>时间</th><th>操作</th></tr></thead><tbody>\n");
            foreach (var r in rejected)
            {
                sb.Append("<tr><td>").Append(E(r.BlobName)).Append("</td><td>").Append(E(r.Reason)).Append("</td><td>").Append(E(Time(r.IngestedAt)))
                  .Append("</td><td>").Append(Reingest(r.BlobName, code, formToken)).Append("</td></tr>\n");
            }

            sb.Append("</tbody></table>\n");
        }

        sb.Append("<h2>待复核的时限（").Append(review.Count).Append("）</h2>\n<ul>\n");
        var n = 0;
        foreach (var r in review.Take(50))
        {
            var key = r.LimitKey;
            var id = "review-" + n++;
            sb.Append("<li>").Append(E(r.Phrase)).Append(" · ").Append(E(r.DocNumber ?? r.Title)).Append(" 第").Append(E(r.Item)).Append("项：")
              .Append(E(ChineseTerms.ReviewReason(r.Review)))
              .Append(r.SuggestedText is { } suggested ? "（按签发日期推算：" + E(suggested) + "）" : "")
              .Append(Form(Routes.AdminSettleReview, code, formToken, new() { ["key"] = key },
                  $"<label for=\"{id}-date\">到期日期</label> <input type=\"date\" id=\"{id}-date\" name=\"date\" value=\"{E(r.SuggestedText)}\"> "
                  + $"<label for=\"{id}-note\">说明</label> <input type=\"text\" id=\"{id}-note\" name=\"note\" maxlength=\"200\"> "
                  + "<button type=\"submit\">设定日期</button> <button type=\"submit\" name=\"dismiss\" value=\"1\">不提醒</button>"))
              .Append("</li>\n");
        }

        var withoutAddress = directory.Departments.Where(d => d.Emails.Count == 0).OrderBy(d => d.Id, StringComparer.Ordinal).ToList();
        sb.Append("</ul>\n<h2>没有邮箱的单位（").Append(withoutAddress.Count).Append(" / ").Append(directory.Departments.Count).Append("）</h2>\n")
          .Append("<p>没有邮箱的单位收不到时限提醒：").Append(E(string.Join("、", withoutAddress.Select(d => d.Name)))).Append("</p>\n");
        if (withoutAddress.Count > 0)
        {
            var options = string.Concat(withoutAddress.Select(d => $"<option value=\"{E(d.Id)}\">{E(d.Name)}</option>"));
            sb.Append(Form(Routes.AdminSetDepartmentEmail, code, formToken, [],
                $"<label for=\"dept-select\">单位</label> <select id=\"dept-select\" name=\"department\">{options}</select> "
                + "<label for=\"dept-email\">邮箱</label> <input type=\"email\" id=\"dept-email\" name=\"email\" required> <button type=\"submit\">添加邮箱</button>"));
        }

        sb.Append("<h3>导入通讯录</h3>\n<p>格式同 <code>gazette departments export</code>（JSON）；默认合并到现有通讯录。</p>\n")
          .Append(Form(Routes.AdminImportDepartments, code, formToken, [],
              "<label for=\"import-json\">通讯录 JSON</label><br><textarea id=\"import-json\" name=\"json\" rows=\"6\" style=\"width:100%\" required></textarea><br>"
              + "<input type=\"checkbox\" id=\"import-replace\" name=\"replace\" value=\"true\"> <label for=\"import-replace\">替换整个通讯录（而非合并）</label> "
              + "<button type=\"submit\">导入</button>"));

        sb.Append("<h2>未对应到单位的名称（").Append(unreached.Count).Append(" / ").Append(named).Append("）</h2>\n<ul>\n");
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
            sb.Append("<li>").Append(E(Time(p.RecordedAt))).Append(" · ").Append(E(p.Run)).Append(" · ").Append(E(p.Subject))
              .Append(" · ").Append(E(ChineseTerms.BatchError(p.Error)))
              .Append(p.RetriedAt is { } retried
                  ? " · 已于 " + E(Time(retried)) + " 重新排队"
                  : Form(Routes.AdminRetryPoisonedBatch, code, formToken, new() { ["id"] = p.RowKey }, "<button type=\"submit\">重新发送</button>"))
              .Append("</li>\n");
        }

        sb.Append("</ul>\n<h2>管理操作记录</h2>\n");
        if (actions.Count == 0) sb.Append("<p>无。</p>\n");
        else
        {
            sb.Append("<table><thead><tr><th>时间</th><th>操作人</th><th>操作</th><th>对象</th><th>结果</th></tr></thead><tbody>\n");
            foreach (var a in actions)
            {
                sb.Append("<tr><td>").Append(E(Time(a.At))).Append("</td><td>").Append(E(a.Who)).Append("</td><td>").Append(E(ActionName(a.Action)))
                  .Append("</td><td>").Append(E(a.Target)).Append("</td><td>").Append(E(a.Outcome)).Append("</td></tr>\n");
            }

            sb.Append("</tbody></table>\n");
        }

        return new PageResult(200, Layout("公报订阅提醒 · 管理", sb.ToString()));
    }

    public async Task<PageResult> IssueAsync(string? issueKey, string? code, CancellationToken cancellationToken = default)
    {
        var detail = string.IsNullOrWhiteSpace(issueKey) ? null : await new IssueQueries(storage).ShowAsync(issueKey, cancellationToken);
        if (detail is null) return new PageResult(404, Layout("找不到", "<p>没有这一期。</p>"));
        var states = await new TaskStates(storage).NotOpenAsync(cancellationToken);
        var sb = new StringBuilder();
        sb.Append("<p><a href=\"").Append(E(AdminCaller.WithCode("admin", code))).Append("\">← 全部公报</a></p>\n");
        // Which reader the bytes called for, and everything it and the parser were unsure of: the admin judges the
        // upload by these before trusting its tasks.
        sb.Append("<p>上传文件：").Append(E(detail.Issue.BlobName)).Append(" · 读取方式：").Append(E(ChineseTerms.Reader(detail.Issue.Reader)));
        if (detail.Issue.Reader is null or "Text" && detail.Issue.Encoding is { } encoding) sb.Append('（').Append(E(encoding)).Append('）');
        sb.Append("</p>\n");
        if (detail.Issue.WarningTexts.Count > 0)
        {
            sb.Append("<details><summary>读取提示（").Append(detail.Issue.Warnings).Append(" 条）</summary><ul>\n");
            foreach (var w in detail.Issue.WarningTexts) sb.Append("<li>").Append(E(w)).Append("</li>\n");
            sb.Append("</ul></details>\n");
        }

        sb.Append("<h2>文件</h2>\n<ol>\n");
        foreach (var d in detail.Documents)
        {
            sb.Append("<li><strong>").Append(E(d.Title)).Append("</strong> ").Append(E(d.DocNumber)).Append(" · ").Append(E(d.Issuer))
              .Append(" · ").Append(E(d.SignedDateText)).Append("<br><small>").Append(E(d.Summary)).Append("</small></li>\n");
        }

        sb.Append("</ol>\n<h2>任务</h2>\n<table><thead><tr><th>任务</th><th>文号</th><th>条目</th><th>牵头/责任</th><th>配合</th><th>时限</th><th>状态</th></tr></thead><tbody>\n");
        foreach (var t in detail.Tasks)
        {
            var key = detail.Issue.Key + "|" + t.RowKey;
            var state = states.TryGetValue(key, out var s) ? s : TaskState.Open;
            sb.Append("<tr><td>").Append(E(t.RowKey)).Append("</td><td>").Append(E(t.DocNumber)).Append("</td><td>").Append(E(t.Item))
              .Append("</td><td>").Append(E(string.Join("、", t.Lead))).Append("</td><td>").Append(E(string.Join("、", t.Support)))
              .Append("</td><td>").Append(E(string.Join("、", t.Deadlines))).Append("</td><td>").Append(E(TaskHandlers.StateName(state))).Append("</td></tr>\n");
        }

        sb.Append("</tbody></table>\n<h2>时限</h2>\n<table><thead><tr><th>日期</th><th>原文</th><th>文号</th><th>条目</th><th>依据</th></tr></thead><tbody>\n");
        foreach (var d in detail.Deadlines.OrderBy(d => d.RowKey, StringComparer.Ordinal))
        {
            var date = d.DateText ?? (d.PartitionKey == DeadlinePartition.Recurring ? "周期性" : ChineseTerms.NeedsReview);
            sb.Append("<tr><td>").Append(E(date)).Append("</td><td>").Append(E(d.Phrase)).Append("</td><td>").Append(E(d.DocNumber))
              .Append("</td><td>").Append(E(d.Item)).Append("</td><td>").Append(E(d.Review is { } review ? ChineseTerms.ReviewReason(review) : ChineseTerms.Basis(d.Basis))).Append("</td></tr>\n");
        }

        sb.Append("</tbody></table>\n");
        // A single document uploaded on its own has no gazette title: the page is named after the document.
        var name = detail.Issue.Title is { Length: > 0 } title ? title : (detail.Documents.Count > 0 ? detail.Documents[0].Title : "") + "（单份文件）";
        return new PageResult(200, Layout($"{detail.Issue.Key} · {name}", sb.ToString()));
    }

    /// <summary>A one-button form to an admin action: its path under the public base URL, the key kept, the form token inside.</summary>
    private string Form(string route, string? code, string formToken, Dictionary<string, string> hidden, string inner)
    {
        var action = AdminCaller.WithCode(Routes.FormAction(settings.PublicBaseUrl, route), code);
        var sb = new StringBuilder("<form method=\"post\" action=\"").Append(E(action)).Append("\" class=\"inline\">")
            .Append("<input type=\"hidden\" name=\"").Append(AdminActionHandlers.FormTokenField).Append("\" value=\"").Append(E(formToken)).Append("\">");
        foreach (var (name, value) in hidden) sb.Append("<input type=\"hidden\" name=\"").Append(E(name)).Append("\" value=\"").Append(E(value)).Append("\">");
        return sb.Append(inner).Append("</form>").ToString();
    }

    private string Reingest(string? blobName, string? code, string formToken) => blobName is null ? "" :
        Form(Routes.AdminReingest, code, formToken, new() { ["blob"] = blobName }, "<button type=\"submit\">重新入库</button>");

    private static string ActionName(string action) => action switch
    {
        "settle-review" => "设定时限日期",
        "dismiss-review" => "驳回时限",
        "set-department-email" => "添加单位邮箱",
        "import-departments" => "导入通讯录（合并）",
        "replace-departments" => "导入通讯录（替换）",
        "retry-poisoned-batch" => "重新发送批次",
        "reingest" => "重新入库",
        _ => action,
    };

    private static string Time(DateTimeOffset? at) => at is { } moment ? GazetteNotify.Time.ChinaTime.Minute(moment) : "";

    private static string Layout(string title, string body) => $$"""
        <!doctype html>
        <html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="robots" content="noindex"><title>{{E(title)}}</title>
        <style>body{font-family:sans-serif;line-height:1.5;margin:0 auto;padding:1em;max-width:72em}table{border-collapse:collapse;width:100%;margin-bottom:1em}th,td{border:1px solid #ccc;padding:.3em .5em;text-align:left;vertical-align:top}th{background:#f3f3f3}small{color:#555}form.inline{margin:.3em 0}</style>
        </head><body><main>
        <h1>{{E(title)}}</h1>
        {{body}}
        </main></body></html>
        """;
}
