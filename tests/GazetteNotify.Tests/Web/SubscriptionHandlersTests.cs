using System.Text.RegularExpressions;
using GazetteNotify.Mail;
using GazetteNotify.Site;
using GazetteNotify.Storage;
using GazetteNotify.Subscriptions;
using GazetteNotify.Tests.Support;
using GazetteNotify.Web;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace GazetteNotify.Tests.Web;

/// <summary>Subscribe → confirmation mail → confirm → manage → unsubscribe, with forged and expired links refused.</summary>
[Collection(AzuriteGroup.Name)]
public sealed partial class SubscriptionHandlersTests : IDisposable
{
    private readonly GazetteStorage _storage = AzuriteFixture.NewStorage();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 1, 8, 0, 0, TimeSpan.Zero));
    private readonly string _outbox = Directory.CreateTempSubdirectory("gazette-web-").FullName;

    public void Dispose() => Directory.Delete(_outbox, recursive: true);

    private SubscriberStore Store => new(_storage, _clock);

    private SubscriptionHandlers Handlers() => new(
        Store, new LinkTokens("a-test-secret-that-is-long-enough-32b", _clock),
        new OutboxTransport(_outbox, new MailboxAddress("提醒", "alerts@gazette.local")), SiteSettings.Local, _clock);

    private static SubscriptionForm Form(string email, string keywords = "居住证、减税", params string[] topics) =>
        new(email, topics, keywords, "", "", "Daily");

    private async Task<string> LatestLinkAsync(string route)
    {
        var latest = Directory.GetFiles(_outbox, "*.eml").Select(f => new FileInfo(f)).OrderBy(f => f.LastWriteTimeUtc).Last();
        var text = (await MimeMessage.LoadAsync(latest.FullName)).TextBody ?? "";
        return Uri.UnescapeDataString(TokenIn(route).Match(text).Groups[1].Value);
    }

    private static Regex TokenIn(string route) => new($@"/{route}\?token=(\S+)");

    [Fact]
    public async Task The_whole_double_opt_in_round()
    {
        var handlers = Handlers();
        Assert.Equal(200, handlers.Form().Status);
        Assert.Contains("财政、金融、审计", handlers.Form().Html);

        var answer = await handlers.SubscribeAsync(Form("Zhang@Example.com", "居住证、减税", "finance"));
        Assert.Equal(200, answer.Status);
        Assert.Equal(SubscriptionStatus.Pending, (await Store.GetAsync(EmailAddress.Parse("zhang@example.com")))!.Status);

        var confirmLink = await LatestLinkAsync("confirm");
        var page = await handlers.ConfirmPageAsync(confirmLink);
        Assert.Equal(200, page.Status);
        Assert.Contains("z***@example.com", page.Html);
        Assert.Contains("居住证、减税", page.Html);
        Assert.Contains("每日汇总", page.Html);
        Assert.Equal(SubscriptionStatus.Pending, (await Store.GetAsync(EmailAddress.Parse("zhang@example.com")))!.Status); // GET changes nothing
        var confirmed = await handlers.ConfirmAsync(confirmLink);
        Assert.Equal(200, confirmed.Status);
        Assert.Contains("订阅已确认", confirmed.Html);
        var active = (await Store.GetAsync(EmailAddress.Parse("zhang@example.com")))!;
        Assert.Equal(SubscriptionStatus.Active, active.Status);
        Assert.Equal(["finance"], active.Preferences.Topics);
        Assert.Equal(["居住证", "减税"], active.Preferences.Keywords);
        Assert.Equal(DigestFrequency.Daily, active.Preferences.Frequency);

        var manageToken = ManageToken().Match(confirmed.Html).Groups[1].Value;
        var manage = await handlers.ManageAsync(Uri.UnescapeDataString(manageToken));
        Assert.Equal(200, manage.Status);
        Assert.Contains("value=\"居住证、减税\"", manage.Html);
        Assert.Contains("z***@example.com", manage.Html);

        var saved = await handlers.UpdateAsync(Uri.UnescapeDataString(manageToken), Form("ignored@example.com", "公积金", "urban-environment"));
        Assert.Equal(200, saved.Status);
        Assert.Equal(["公积金"], (await Store.GetAsync(EmailAddress.Parse("zhang@example.com")))!.Preferences.Keywords);

        var unsubscribeToken = Uri.UnescapeDataString(UnsubscribeToken().Match(manage.Html).Groups[1].Value);
        Assert.Equal(200, handlers.UnsubscribePage(unsubscribeToken).Status);
        Assert.Equal(SubscriptionStatus.Active, (await Store.GetAsync(EmailAddress.Parse("zhang@example.com")))!.Status); // GET changes nothing
        Assert.Equal(200, (await handlers.UnsubscribeAsync(unsubscribeToken)).Status);
        Assert.Equal(200, (await handlers.UnsubscribeAsync(unsubscribeToken)).Status); // one-click again: still fine
        Assert.Equal(SubscriptionStatus.Unsubscribed, (await Store.GetAsync(EmailAddress.Parse("zhang@example.com")))!.Status);
    }

    [Fact]
    public async Task Subscribing_someone_elses_address_sends_only_a_confirmation_and_the_answer_reveals_nothing()
    {
        var handlers = Handlers();
        var first = await handlers.SubscribeAsync(Form("li@example.com"));
        var again = await handlers.SubscribeAsync(Form("li@example.com", "别的"));
        Assert.Equal(first.Html, again.Html);
        Assert.Single(Directory.GetFiles(_outbox, "*.eml")); // the second request within 10 minutes sends nothing
        var mail = await MimeMessage.LoadAsync(Directory.GetFiles(_outbox, "*.eml").Single());
        Assert.Contains("请确认您的订阅", mail.Subject);
        Assert.Equal(SubscriptionStatus.Pending, (await Store.GetAsync(EmailAddress.Parse("li@example.com")))!.Status);
    }

    [Fact]
    public async Task Forged_altered_and_expired_links_change_nothing()
    {
        var handlers = Handlers();
        await handlers.SubscribeAsync(Form("wang@example.com"));
        var token = await LatestLinkAsync("confirm");

        var forged = token[..^3] + (token[^3] == 'A' ? "B" : "A") + token[^2..];
        Assert.Equal(400, (await handlers.ConfirmAsync(forged)).Status);
        Assert.Equal(400, (await handlers.ConfirmPageAsync(forged)).Status);
        Assert.Equal(400, (await handlers.ConfirmAsync("not-a-token")).Status);
        Assert.Equal(400, (await handlers.UnsubscribeAsync(token)).Status); // a confirm token does not unsubscribe
        Assert.Equal(SubscriptionStatus.Pending, (await Store.GetAsync(EmailAddress.Parse("wang@example.com")))!.Status);

        _clock.Advance(TimeSpan.FromDays(8));
        var expired = await handlers.ConfirmAsync(token);
        Assert.Equal(410, expired.Status);
        Assert.Contains("链接已过期", expired.Html);
        Assert.Equal(SubscriptionStatus.Pending, (await Store.GetAsync(EmailAddress.Parse("wang@example.com")))!.Status);
    }

    [Fact]
    public async Task A_confirm_link_mailed_before_requests_had_ids_is_refused_in_chinese_and_changes_nothing()
    {
        var handlers = Handlers();
        await handlers.SubscribeAsync(Form("wang@example.com"));
        var old = new LinkTokens("a-test-secret-that-is-long-enough-32b", _clock).Issue(SubscriptionHandlers.Confirm, "wang@example.com", SubscriptionHandlers.ConfirmLinkLifetime);

        foreach (var answer in new[] { await handlers.ConfirmPageAsync(old), await handlers.ConfirmAsync(old) })
        {
            Assert.Equal(410, answer.Status);
            Assert.Contains("链接已停用", answer.Html);
            Assert.Contains("请重新提交订阅", answer.Html);
        }

        Assert.Equal(SubscriptionStatus.Pending, (await Store.GetAsync(EmailAddress.Parse("wang@example.com")))!.Status);
    }

    [Fact]
    public async Task Bad_forms_are_answered_with_the_form_and_a_reason()
    {
        var handlers = Handlers();
        var badEmail = await handlers.SubscribeAsync(Form("zhang@example.com\r\nBcc: x@example.com"));
        Assert.Equal(400, badEmail.Status);
        Assert.Contains("请填写有效的电子邮箱地址", badEmail.Html);
        var nothing = await handlers.SubscribeAsync(Form("zhang@example.com", ""));
        Assert.Equal(400, nothing.Status);
        var injected = await handlers.SubscribeAsync(new SubscriptionForm("<script>@x", [], "", "", "", ""));
        Assert.DoesNotContain("<script>", injected.Html);
        Assert.Empty(Directory.GetFiles(_outbox, "*.eml"));
    }

    [GeneratedRegex(@"/manage\?token=([^""]+)""")]
    private static partial Regex ManageToken();

    [GeneratedRegex(@"/unsubscribe\?token=([^""]+)""")]
    private static partial Regex UnsubscribeToken();
}
