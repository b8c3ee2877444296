using System.Globalization;
using System.Net;
using System.Text;

namespace GazetteNotify.Tests.Formats.Html;

/// <summary>
/// A government web page as a city's CMS serves one: header and navigation, breadcrumb, the 政府信息公开 information
/// table, the title, the article in #zoom, share and print bars, related links, footer, and scripts (one of which
/// writes text, which must never reach the output).
/// </summary>
internal static class GovPage
{
    public const string ScriptText = "脚本写入的文字";

    /// <param name="info">Label/value rows of the information table (索引号, 发布机构, 发文字号, 标题…).</param>
    /// <param name="articleHtml">The inner HTML of #zoom.</param>
    public static string Html(string title, IReadOnlyList<(string Label, string Value)> info, string articleHtml, string charsetMeta = "<meta charset=\"utf-8\">")
    {
        var rows = new StringBuilder();
        for (var i = 0; i < info.Count; i += 2)
        {
            rows.Append("<tr>");
            for (var k = i; k < Math.Min(i + 2, info.Count); k++)
            {
                rows.Append(CultureInfo.InvariantCulture, $"<td class=\"t1\">{Encode(info[k].Label)}：</td><td class=\"t2\">{Encode(info[k].Value)}</td>");
            }

            rows.Append("</tr>\n");
        }

        return $$"""
            <!DOCTYPE html>
            <html lang="zh-CN">
            <head>
            {{charsetMeta}}
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{Encode(title)}}_聊城市人民政府</title>
            <link rel="stylesheet" href="/css/style.css">
            <style>#zoom p { text-indent: 2em; font-size: 16px; }</style>
            <script type="text/javascript">var _hmt = _hmt || []; document.write('<p>{{ScriptText}}</p>');</script>
            </head>
            <body>
            <div class="header">
              <div class="logo"><img src="/images/logo.png" alt="聊城市人民政府"></div>
              <ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/zwfw/">政务服务</a></li><li><a href="/hdjl/">互动交流</a></li><li><a href="/zjlc/">走进聊城</a></li></ul>
              <form class="search"><input type="text" name="q" value="请输入关键字"><button>搜索</button></form>
            </div>
            <div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zfgb/">政府公报</a></div>
            <div class="main">
              <div class="xxgk">
                <table class="xxgk_table" cellspacing="0" cellpadding="0">
            {{rows}}    </table>
              </div>
              <h1 class="article-title">{{Encode(title)}}</h1>
              <div class="article-info">发布时间：2022-07-05 09:30 来源：市政府办公室 【字体：<a>大</a> <a>中</a> <a>小</a>】</div>
              <div id="zoom"><div class="TRS_Editor">
            {{articleHtml}}
              </div></div>
              <div class="bdshare">分享到：<a class="wx">微信</a><a class="wb">微博</a><a class="qq">QQ空间</a></div>
              <div class="btns">【<a href="javascript:window.print()">打印本页</a>】【<a href="javascript:window.close()">关闭窗口</a>】</div>
              <div class="xglj"><h3>相关链接</h3><ul>
                <li><a href="/a.html">聊城市人民政府关于印发2022年重点工作任务分解的通知</a></li>
                <li><a href="/b.html">关于进一步优化营商环境的实施意见</a></li>
              </ul></div>
            </div>
            <div class="footer">
              <p>主办单位：聊城市人民政府办公室　承办单位：聊城市大数据中心</p>
              <p>网站标识码：3715000001　鲁ICP备05001234号　鲁公网安备 37150202000123号</p>
            </div>
            <script>document.getElementById('zoom').innerHTML += '<p>{{ScriptText}}</p>';</script>
            </body>
            </html>
            """;
    }

    /// <summary>Text lines as the CMS stores an article converted from Word: a &lt;p&gt; per line, &lt;p&gt;&amp;nbsp;&lt;/p&gt; for blank ones, tables for tab rows.</summary>
    public static string Article(IEnumerable<string> lines)
    {
        var html = new StringBuilder();
        var table = false;
        foreach (var line in lines)
        {
            if (line.Contains('\t'))
            {
                if (!table) html.Append("<table border=\"1\" cellspacing=\"0\" style=\"border-collapse:collapse\"><tbody>\n");
                table = true;
                html.Append("<tr>").AppendJoin("", line.Split('\t').Select(c => $"<td valign=\"center\"><p style=\"text-align:center\">{Encode(c)}</p></td>")).Append("</tr>\n");
                continue;
            }

            if (table) html.Append("</tbody></table>\n");
            table = false;
            html.Append(line.Trim().Length == 0 ? "<p>&nbsp;</p>\n" : $"<p style=\"text-indent:2em\"><span style=\"font-family:仿宋_GB2312\">{Encode(line)}</span></p>\n");
        }

        if (table) html.Append("</tbody></table>\n");
        return html.ToString();
    }

    public static string Encode(string text) => WebUtility.HtmlEncode(text);

    public static byte[] Gbk(string html)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030").GetBytes(html);
    }
}
