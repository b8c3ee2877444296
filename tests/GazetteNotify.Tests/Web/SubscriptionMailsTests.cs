using GazetteNotify.Web;

namespace GazetteNotify.Tests.Web;

/// <summary>The confirmation and manage-link mails: a button to press, the address written out, the URL alone on its line.</summary>
public class SubscriptionMailsTests
{
    private const string Link = "https://gazette.example.org/confirm?token=abc.def&x=<1>";

    [Fact]
    public void The_confirmation_has_a_button_link_the_written_out_address_and_paragraphs()
    {
        var mail = SubscriptionMails.Confirmation("reader@example.com", "聊城市人民政府公报", Link, 7);

        Assert.Equal("聊城市人民政府公报：请确认您的订阅", mail.Subject);
        Assert.Equal("reader@example.com", mail.To);
        var encoded = "https://gazette.example.org/confirm?token=abc.def&amp;x=&lt;1&gt;";
        Assert.Contains($"<a href=\"{encoded}\" style=\"display: inline-block;", mail.Html, StringComparison.Ordinal);
        Assert.Contains(">确认订阅</a>", mail.Html, StringComparison.Ordinal);
        Assert.Contains($"<span style=\"word-break: break-all;\">{encoded}</span>", mail.Html, StringComparison.Ordinal);
        Assert.Contains("<p>请在 7 天内点击下面的按钮确认。", mail.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<1>", mail.Html, StringComparison.Ordinal); // everything escaped
        Assert.Equal(5, mail.Html.Split("<p").Length - 1); // two paragraphs, the button, the written-out address, the footnote: apart, not one run
    }

    [Fact]
    public void The_plain_text_part_puts_the_url_on_a_line_of_its_own()
    {
        var lines = SubscriptionMails.Confirmation("reader@example.com", "聊城市人民政府公报", Link, 7).Text.Split('\n');

        Assert.Contains(Link, lines);
        Assert.Equal("确认订阅：", lines[Array.IndexOf(lines, Link) - 1]);
        Assert.Equal("请确认您的订阅", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("如果不是您本人订阅", StringComparison.Ordinal));
    }

    [Fact]
    public void The_manage_link_mail_says_the_address_is_already_subscribed()
    {
        var mail = SubscriptionMails.ManageLink("reader@example.com", "聊城市人民政府公报", "https://gazette.example.org/manage?token=t");

        Assert.Equal("聊城市人民政府公报：管理您的订阅", mail.Subject);
        Assert.Contains(">管理订阅</a>", mail.Html, StringComparison.Ordinal);
        Assert.Contains("https://gazette.example.org/manage?token=t", mail.Text.Split('\n'));
        Assert.Contains("此邮箱已订阅", mail.Text, StringComparison.Ordinal);
    }
}
