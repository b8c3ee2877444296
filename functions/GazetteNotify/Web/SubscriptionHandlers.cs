using GazetteNotify.Mail;
using GazetteNotify.Site;
using GazetteNotify.Subscriptions;

namespace GazetteNotify.Web;

/// <summary>
/// The subscription routes, shared by the Functions app and `gazette serve`: the form (/), subscribe, confirm (a page,
/// and its POST),
/// manage (view and change), unsubscribe (a page, and RFC 8058 one-click POST). Every link carries a signed token;
/// a forged, altered or expired one gets a clear page and changes nothing. The subscribe answer is the same whether
/// or not the address is known, so the page reveals nothing about anyone's subscription.
/// </summary>
public sealed class SubscriptionHandlers(SubscriberStore store, LinkTokens tokens, IMailTransport transport, SiteSettings settings, TimeProvider clock)
{
    public static readonly TimeSpan ConfirmLinkLifetime = LinkPurposes.Lifetime(LinkPurposes.Confirm);

    // Token purposes: a token signed for one never opens another.
    public const string Confirm = LinkPurposes.Confirm;
    public const string Manage = LinkPurposes.Manage;
    public const string Unsubscribe = LinkPurposes.Unsubscribe;

    /// <summary>Where the subscription form posts: the route's path under the public base URL.</summary>
    private string SubscribeAction => Routes.FormAction(settings.PublicBaseUrl, Routes.Subscribe);

    public PageResult Form() => new(200, Pages.Subscribe($"订阅{settings.GazetteName}", SubscribeAction, settings.PublicBaseUrl));

    public async Task<PageResult> SubscribeAsync(SubscriptionForm form, CancellationToken cancellationToken = default)
    {
        if (!EmailAddress.TryParse(form.Email, out var email))
        {
            return new PageResult(400, Pages.SubscribeAgain(SubscribeAction, form.Email, "请填写有效的电子邮箱地址。"));
        }

        var preferences = PreferencesOf(form);
        if (preferences.IsEmpty)
        {
            return new PageResult(400, Pages.SubscribeAgain(SubscribeAction, form.Email, "请至少选择一个主题，或填写关键词、发文机关、文号前缀。"));
        }

        var request = await store.RequestAsync(email!, preferences, cancellationToken);
        var outcome = request.Outcome;
        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        if (outcome == SubscribeOutcome.SendConfirmation)
        {
            // The link names this request: it activates these preferences and no one else's.
            var link = Link(Routes.Confirm, tokens.Issue(Confirm, ConfirmSubject.Format(email!, request.RequestId!), ConfirmLinkLifetime));
            await transport.SendAsync(SubscriptionMails.Confirmation(email!.Value, settings.GazetteName, link, ConfirmLinkLifetime.Days), $"confirm-{email.Hash()[..16]}-{now}", cancellationToken);
        }
        else if (outcome == SubscribeOutcome.SendManageLink)
        {
            var link = Link(Routes.Manage, tokens.Issue(Manage, email!.Value));
            await transport.SendAsync(SubscriptionMails.ManageLink(email.Value, settings.GazetteName, link), $"manage-{email.Hash()[..16]}-{now}", cancellationToken);
        }

        return new PageResult(200, Pages.Message("请查收邮件", "如果该地址可以接收邮件，我们已发送一封邮件。请按邮件中的链接完成确认。"));
    }

    /// <summary>GET the confirm link: what would be confirmed, and a button (mail scanners follow links; only the POST confirms).</summary>
    public async Task<PageResult> ConfirmPageAsync(string? token, CancellationToken cancellationToken = default)
    {
        if (CheckConfirm(token, out var email, out var requestId) is { } refused) return refused;
        var (subscription, requested) = await store.GetRequestAsync(email!, requestId!, cancellationToken);
        if (subscription?.Status == SubscriptionStatus.Active) return AlreadyActive();
        if (requested is null) return RequestGone();
        var action = Routes.FormAction(settings.PublicBaseUrl, Routes.Confirm, token);
        return new PageResult(200, Pages.Confirm(settings.GazetteName, email!.Masked(), requested, action));
    }

    /// <summary>POST from the confirm page: activates exactly the preferences of the request the link names.</summary>
    public async Task<PageResult> ConfirmAsync(string? token, CancellationToken cancellationToken = default)
    {
        if (CheckConfirm(token, out var email, out var requestId) is { } refused) return refused;
        var (outcome, subscription) = await store.ConfirmAsync(email!, requestId!, cancellationToken);
        return outcome switch
        {
            ConfirmOutcome.Confirmed => new PageResult(200, Pages.Message("订阅已确认", "谢谢！新一期公报发布后，相关文件会发送到您的邮箱。", "管理订阅", Link(Routes.Manage, tokens.Issue(Manage, subscription!.Email.Value)))),
            ConfirmOutcome.AlreadyActive => AlreadyActive(),
            _ => RequestGone(),
        };
    }

    /// <summary>A confirm link's token, read: the address and the request it names; or the page saying why not.</summary>
    private PageResult? CheckConfirm(string? token, out EmailAddress? email, out string? requestId)
    {
        email = null;
        requestId = null;
        var check = tokens.Verify(token, Confirm);
        if (check.IsValid && ConfirmSubject.TryParse(check.Subject, out email, out requestId)) return null;
        if (!check.IsValid || !EmailAddress.TryParse(check.Subject, out _)) return Refusal(check, Confirm);
        // A link mailed before requests had ids names only the address, so it cannot say which preferences were asked for
        // (the old row held whatever was asked last, by anyone): refused, and the owner subscribes again.
        return new PageResult(410, Pages.Message("链接已停用", "这封确认邮件中的链接已停用，未做任何更改。请重新提交订阅，我们会再发送一封确认邮件。", "重新订阅", settings.PublicBaseUrl.ToString()));
    }

    /// <summary>An active subscription is changed only through its manage link, never by a confirm link (anyone can cause one).</summary>
    private static PageResult AlreadyActive() =>
        new(200, Pages.Message("订阅已生效", "此邮箱的订阅已经确认，本链接没有更改任何设置。如需修改关注内容或退订，请使用提醒邮件中的“管理订阅”链接。"));

    private PageResult RequestGone() => new(410, Pages.Message("订阅不存在", "该订阅已退订或已过期，请重新订阅。", "重新订阅", settings.PublicBaseUrl.ToString()));

    public async Task<PageResult> ManageAsync(string? token, CancellationToken cancellationToken = default)
    {
        if (Check(token, Manage) is { } refused) return refused;
        var subscription = await store.GetAsync(EmailAddress.Parse(tokens.Verify(token, Manage).Subject!), cancellationToken);
        if (subscription is null || subscription.Status == SubscriptionStatus.Unsubscribed) return Gone();
        var action = Routes.FormAction(settings.PublicBaseUrl, Routes.Manage, token);
        var unsubscribe = Link(Routes.Unsubscribe, tokens.Issue(Unsubscribe, subscription.Email.Value));
        return new PageResult(200, Pages.Manage(subscription.Email.Masked(), action, subscription.Preferences, unsubscribe));
    }

    public async Task<PageResult> UpdateAsync(string? token, SubscriptionForm form, CancellationToken cancellationToken = default)
    {
        if (Check(token, Manage) is { } refused) return refused;
        var preferences = PreferencesOf(form);
        if (preferences.IsEmpty) return new PageResult(400, Pages.Message("管理订阅", "请至少保留一个主题、关键词、发文机关或文号前缀；不再需要提醒请退订。"));
        var changed = await store.UpdatePreferencesAsync(EmailAddress.Parse(tokens.Verify(token, Manage).Subject!), preferences, cancellationToken);
        return changed is null || changed.Status == SubscriptionStatus.Unsubscribed ? Gone() : new PageResult(200, Pages.Message("已保存", "您的订阅设置已更新。"));
    }

    /// <summary>GET: a page with a button (mail scanners follow links; only the POST unsubscribes).</summary>
    public PageResult UnsubscribePage(string? token)
    {
        if (Check(token, Unsubscribe) is { } refused) return refused;
        var action = Routes.FormAction(settings.PublicBaseUrl, Routes.Unsubscribe, token);
        return new PageResult(200, Pages.Unsubscribe(settings.GazetteName, action));
    }

    /// <summary>POST from the page or RFC 8058 one-click (List-Unsubscribe=One-Click): unsubscribes, idempotently.</summary>
    public async Task<PageResult> UnsubscribeAsync(string? token, CancellationToken cancellationToken = default)
    {
        if (Check(token, Unsubscribe) is { } refused) return refused;
        await store.UnsubscribeAsync(EmailAddress.Parse(tokens.Verify(token, Unsubscribe).Subject!), cancellationToken);
        return new PageResult(200, Pages.Message("已退订", "您不会再收到提醒邮件。我们会在 28 天后删除您的邮箱地址。", "重新订阅", settings.PublicBaseUrl.ToString()));
    }

    private PageResult? Check(string? token, string purpose)
    {
        var check = tokens.Verify(token, purpose);
        return check.IsValid && EmailAddress.TryParse(check.Subject, out _) ? null : Refusal(check, purpose);
    }

    /// <summary>Why a link's token opens nothing: expired (with the way to a new link), or not a link of ours.</summary>
    private PageResult Refusal(TokenCheck check, string purpose) =>
        check.Problem == TokenProblem.Expired
            ? new PageResult(410, purpose == Confirm
                ? Pages.Message("链接已过期", $"确认链接的有效期为 {ConfirmLinkLifetime.Days} 天。请重新提交订阅，我们会再发送一封确认邮件。", "重新订阅", settings.PublicBaseUrl.ToString())
                : Pages.Message("链接已过期", "为保护您的信息，邮件中的链接会在一段时间后失效。请使用最近一封提醒邮件中的链接；在订阅页用同一邮箱再次提交，我们会把管理链接发给您。", "订阅页", settings.PublicBaseUrl.ToString()))
            : new PageResult(400, Pages.Message("链接无效", "该链接不完整或已被修改，未做任何更改。请使用邮件中的原始链接。"));

    private PageResult Gone() => new(410, Pages.Message("订阅不存在", "该订阅已退订或不存在。", "重新订阅", settings.PublicBaseUrl.ToString()));

    private string Link(string route, string token) => Routes.WithToken(settings.PublicBaseUrl, route, token);

    private static Preferences PreferencesOf(SubscriptionForm form) => new Preferences(
        form.Topics.Where(t => Topics.TopicTaxonomy.Default.Find(t) is not null).ToList(),
        SplitList(form.Keywords), SplitList(form.Issuers), SplitList(form.Prefixes),
        Enum.TryParse<DigestFrequency>(form.Frequency, out var f) ? f : DigestFrequency.EachIssue) { Follows = SplitList(form.Follows) }.Normalised();

    private static List<string> SplitList(string? text) =>
        string.IsNullOrWhiteSpace(text) ? [] : text.Split(['、', ',', '，', ';', '；', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
