using GazetteNotify.Alerts;
using GazetteNotify.Documents;
using GazetteNotify.Mail;
using GazetteNotify.Parsing.Model;
using GazetteNotify.Subscriptions;
using GazetteNotify.Tests.Support;
using GazetteNotify.Topics;

namespace GazetteNotify.Tests.Alerts;

/// <summary>Planning digests from new documents and subscribers, and rendering them safely.</summary>
public class DigestTests
{
    private static readonly DateOnly Today = new(2022, 7, 1);

    private static List<AlertDocument> Documents2022_06()
    {
        var parsed = Samples.Parse(Samples.Issue2022_06);
        var issue = TopicClassifier.Default.ClassifyAll(parsed.Issue!, parsed.DocumentTexts);
        return issue.Documents.Select((d, i) => new AlertDocument("2022-06", "2022年第6期", d, parsed.DocumentTexts[i])).ToList();
    }

    private static Subscription Active(string email, Preferences preferences) =>
        new(EmailAddress.Parse(email), SubscriptionStatus.Active, preferences, DateTimeOffset.UnixEpoch);

    private static Preferences Keywords(params string[] keywords) => new([], keywords, [], [], DigestFrequency.EachIssue);

    private static readonly RecipientLinks Links = new("https://example.org/manage?t=abc", "https://example.org/unsubscribe?t=abc", "https://example.org/api/unsubscribe?t=abc");

    [Fact]
    public void Only_active_subscribers_with_a_match_get_a_digest()
    {
        var documents = Documents2022_06();
        var subscribers = new[]
        {
            Active("permit@example.com", Keywords("居住证")),
            Active("nothing@example.com", Keywords("口蹄疫")),
            Active("empty@example.com", Preferences.Empty),
            new Subscription(EmailAddress.Parse("pending@example.com"), SubscriptionStatus.Pending, Keywords("居住证"), DateTimeOffset.UnixEpoch),
        };

        var digests = DigestPlanner.Plan(subscribers, documents, [], Today).ToList();

        var digest = Assert.Single(digests);
        Assert.Equal("permit@example.com", digest.Recipient.Value);
        Assert.Contains(digest.Items, i => i.Document.Document.DocNumber == "聊政办字〔2022〕22号");
        Assert.All(digest.Items, i => Assert.Contains("居住证", i.Match.Keywords));
    }

    [Fact]
    public void Upcoming_deadlines_within_30_days_of_matching_documents_are_listed()
    {
        var documents = Documents2022_06();
        var opinion = documents[0]; // 聊政发〔2022〕6号
        var deadlines = new[]
        {
            new AlertDeadline(new DateOnly(2022, 7, 20), "7月20日前", opinion, ["市财政局"]),
            new AlertDeadline(new DateOnly(2022, 8, 31), "8月底前", opinion, ["市财政局"]),   // beyond 30 days
            new AlertDeadline(new DateOnly(2022, 6, 30), "6月底前", opinion, ["市财政局"]),   // already past
        };

        var digest = DigestPlanner.Plan([Active("finance@example.com", new Preferences(["finance"], [], [], [], DigestFrequency.EachIssue))], documents, deadlines, Today).Single();

        var upcoming = Assert.Single(digest.Upcoming);
        Assert.Equal("7月20日前", upcoming.Phrase);
    }

    [Fact]
    public void Identical_digests_share_a_content_key()
    {
        var documents = Documents2022_06();
        var digests = DigestPlanner.Plan([Active("a@example.com", Keywords("居住证")), Active("b@example.com", Keywords("居住证")), Active("c@example.com", Keywords("医保"))], documents, [], Today).ToList();
        Assert.Equal(digests[0].ContentKey, digests[1].ContentKey);
        Assert.NotEqual(digests[0].ContentKey, digests[2].ContentKey);
    }

    [Fact]
    public void The_digest_renders_both_parts_with_unsubscribe_headers_and_links()
    {
        var digest = DigestPlanner.Plan([Active("permit@example.com", Keywords("居住证"))], Documents2022_06(), [], Today).Single();

        var mail = DigestRenderer.Render(digest, Links, "聊城市人民政府公报");

        Assert.Equal("permit@example.com", mail.To);
        Assert.Equal($"聊城市人民政府公报：{digest.Items.Count} 份新文件与您的订阅相关", mail.Subject);
        Assert.Contains("关于印发聊城市居住证实施办法的通知", mail.Html);
        Assert.Contains("关于印发聊城市居住证实施办法的通知", mail.Text);
        Assert.Contains("聊政办字〔2022〕22号", mail.Text);
        Assert.Contains("匹配：居住证", mail.Text);
        Assert.Contains("退订：https://example.org/unsubscribe?t=abc", mail.Text);
        Assert.Contains("href=\"https://example.org/manage?t=abc\"", mail.Html);
        Assert.Equal("<https://example.org/api/unsubscribe?t=abc>", mail.Headers["List-Unsubscribe"]);
        Assert.Equal("List-Unsubscribe=One-Click", mail.Headers["List-Unsubscribe-Post"]);
    }

    [Fact]
    public void Matched_topics_are_named_in_chinese()
    {
        var digest = DigestPlanner.Plan([Active("finance@example.com", new Preferences(["finance"], [], [], [], DigestFrequency.EachIssue))], Documents2022_06(), [], Today).Single();
        Assert.Contains("匹配：财政、金融、审计", DigestRenderer.Render(digest, Links, "聊城市人民政府公报").Text);
    }

    [Fact]
    public void A_follower_is_told_which_followed_document_was_cited()
    {
        var follower = Active("follower@example.com", Preferences.Empty with { Follows = ["鲁政办字〔2020〕176号"] });
        var digest = DigestPlanner.Plan([follower], Documents2022_06(), [], Today).Single();
        Assert.Contains("匹配：引用了您关注的鲁政办字〔2020〕176号", DigestRenderer.Render(digest, Links, "聊城市人民政府公报").Text);
    }

    [Fact]
    public void Markup_in_a_document_title_is_escaped_in_the_html_part()
    {
        var documents = Documents2022_06();
        var hostile = documents[1] with { Document = documents[1].Document with { Title = "居住证<script>alert('x')</script><img src=x onerror=1>" } };
        var digest = DigestPlanner.Plan([Active("permit@example.com", Keywords("居住证"))], [hostile], [], Today).Single();

        var mail = DigestRenderer.Render(digest, Links, "聊城市人民政府公报");

        Assert.DoesNotContain("<script>", mail.Html);
        Assert.DoesNotContain("<img", mail.Html);
        Assert.Contains("&lt;script&gt;", mail.Html);
    }
}
