using System.Text;
using GazetteNotify.Formats;
using GazetteNotify.Formats.Html;

namespace GazetteNotify.Tests.Formats.Html;

/// <summary>A saved page that holds no document — a login page, an error page, an index — is refused in one line.</summary>
public class HtmlRefusalTests
{
    private static string Refusal(string html)
    {
        var read = HtmlUploadReader.Read(Encoding.UTF8.GetBytes(html));
        Assert.Null(read.Text);
        Assert.Equal(UploadFormat.Html, read.Format);
        Assert.DoesNotContain('\n', read.Rejection!);
        return read.Rejection!;
    }

    [Fact]
    public void A_login_page_is_refused_as_one()
    {
        var html = """
            <!DOCTYPE html><html><head><meta charset="utf-8"><title>统一身份认证平台</title></head><body>
            <div class="login"><h2>用户登录</h2><form><input name="user" placeholder="请输入用户名"><input type="password" name="pwd">
            <input type="text" placeholder="验证码"><button>登 录</button></form><a>忘记密码？</a><a>注册</a></div></body></html>
            """;
        Assert.StartsWith("the web page is a login page, not a document", Refusal(html), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<title>404 Not Found</title></head><body><h1>Not Found</h1><p>The requested URL was not found on this server.</p>")]
    [InlineData("<title>聊城市人民政府</title></head><body><div class=\"error\"><img src=\"404.png\"><p>抱歉，您访问的页面不存在或已被删除！</p><a>返回首页</a></div>")]
    [InlineData("<title>提示信息</title></head><body><div>找不到页面，请检查网址。</div>")]
    public void An_error_page_is_refused_as_one(string page)
    {
        Assert.StartsWith("the web page is an error page (404 / 页面不存在)", Refusal($"<!DOCTYPE html><html><head><meta charset=\"utf-8\">{page}</body></html>"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_list_page_without_an_article_is_refused()
    {
        var items = string.Concat(Enumerable.Range(1, 20).Select(i => $"<li><a href=\"/{i}.html\">关于第{i}项工作的通知</a><span>2022-06-{i:00}</span></li>"));
        Assert.StartsWith("the web page holds no article text", Refusal($"<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body><ul class=\"list\">{items}</ul></body></html>"), StringComparison.Ordinal);
    }
}
