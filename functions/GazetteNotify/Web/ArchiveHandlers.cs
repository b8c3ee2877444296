using System.Text;
using GazetteNotify.Html;
using GazetteNotify.Queries;
using GazetteNotify.Site;

namespace GazetteNotify.Web;

/// <summary>
/// The public archive (GET documents/{issueKey}/{docKey}, issues/{issueKey}, issues/{issueKey}/upload): a page per
/// document and per issue, and the issue's upload as a download. A key that names nothing stored is a 404 page.
/// </summary>
public sealed class ArchiveHandlers(ArchiveQueries queries, SiteSettings settings)
{
    public async Task<PageResult> DocumentAsync(string? issueKey, string? docKey, CancellationToken cancellationToken = default)
    {
        var document = await queries.DocumentAsync(issueKey, docKey, cancellationToken);
        if (document is null) return NotFound("没有找到这份文件。地址可能有误，或该期公报已不再保存。");
        return new PageResult(200, ComponentHtml.Render<DocumentPage>(new()
            { [nameof(DocumentPage.Document)] = document, [nameof(DocumentPage.BaseUrl)] = settings.PublicBaseUrl }));
    }

    public async Task<PageResult> IssueAsync(string? issueKey, CancellationToken cancellationToken = default)
    {
        var issue = await queries.IssueAsync(issueKey, cancellationToken);
        if (issue is null) return NotFound("没有找到这一期。地址可能有误，或该期公报已不再保存。");
        return new PageResult(200, ComponentHtml.Render<IssuePage>(new()
            { [nameof(IssuePage.Issue)] = issue, [nameof(IssuePage.BaseUrl)] = settings.PublicBaseUrl }));
    }

    public async Task<PageResult> UploadAsync(string? issueKey, CancellationToken cancellationToken = default)
    {
        if (await queries.UploadAsync(issueKey, cancellationToken) is not { } upload) return NotFound("没有找到这一期的原始文件。");
        return new PageResult(200, "")
        {
            Bytes = upload.Bytes,
            // Never rendered by the browser: an upload is whatever someone uploaded.
            ContentType = "application/octet-stream",
            Headers = new Dictionary<string, string>
            {
                ["Content-Disposition"] = ContentDisposition(upload.Name),
                ["X-Content-Type-Options"] = "nosniff",
            },
        };
    }

    /// <summary>
    /// attachment; filename="ascii"; filename*=UTF-8''… (RFC 6266): the blob's last path segment, with an ASCII stand-in
    /// that holds no quote, backslash, separator or control character, and the real name percent-encoded.
    /// </summary>
    public static string ContentDisposition(string blobName)
    {
        var name = blobName[(blobName.LastIndexOf('/') + 1)..];
        if (name.Length == 0) name = "upload";
        var ascii = new StringBuilder(name.Length);
        foreach (var c in name) ascii.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_');
        return $"attachment; filename=\"{ascii}\"; filename*=UTF-8''{Uri.EscapeDataString(name)}";
    }

    /// <summary>The site's 404: a page in its style that says what was not found and leads to the subscription page.</summary>
    public PageResult NotFound(string text) =>
        new(404, Pages.Message("未找到", text, "返回首页", new Uri(settings.PublicBaseUrl, Routes.Form).PathAndQuery));
}
