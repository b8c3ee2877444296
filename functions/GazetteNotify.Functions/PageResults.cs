using GazetteNotify.Web;
using Microsoft.AspNetCore.Mvc;

namespace GazetteNotify.Functions;

/// <summary>The library's answer as the Functions ASP.NET Core integration writes it.</summary>
internal static class PageResults
{
    public static IActionResult ToActionResult(this PageResult page) =>
        new ContentResult { StatusCode = page.Status, Content = page.Html, ContentType = page.ContentType };
}
