using GazetteNotify.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace GazetteNotify.Functions;

/// <summary>The library's answer as the Functions ASP.NET Core integration writes it: status, headers, body.</summary>
internal static class PageResults
{
    public static IActionResult ToActionResult(this PageResult page) => new PageActionResult(page);

    private sealed class PageActionResult(PageResult page) : IActionResult
    {
        public async Task ExecuteResultAsync(ActionContext context)
        {
            var response = context.HttpContext.Response;
            response.StatusCode = page.Status;
            response.ContentType = page.ContentType;
            foreach (var (name, value) in page.Headers) response.Headers[name] = value;
            if (page.Bytes is { } bytes) await response.Body.WriteAsync(bytes, context.HttpContext.RequestAborted);
            else await response.WriteAsync(page.Html, context.HttpContext.RequestAborted);
        }
    }
}
