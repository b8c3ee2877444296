using GazetteNotify.Mail;
using GazetteNotify.Storage;
using GazetteNotify.Subscriptions;
using GazetteNotify.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace GazetteNotify.Tests.Subscriptions;

/// <summary>Double opt-in, throttling, preferences, unsubscribe and retention against a real Azurite.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class SubscriberStoreTests
{
    private readonly GazetteStorage _storage = AzuriteFixture.NewStorage();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 1, 8, 0, 0, TimeSpan.Zero));
    private static readonly EmailAddress Zhang = EmailAddress.Parse("zhang@example.com");
    private static readonly Preferences Finance = new(["finance"], ["减税"], [], [], DigestFrequency.Daily);

    private SubscriberStore Store() => new(_storage, _clock);

    [Fact]
    public async Task Subscribing_creates_a_pending_subscription_that_confirming_activates()
    {
        Assert.Equal(SubscribeOutcome.SendConfirmation, await Store().RequestAsync(Zhang, Finance));
        var pending = await Store().GetAsync(Zhang);
        Assert.Equal(SubscriptionStatus.Pending, pending!.Status);
        Assert.Equal(["finance"], pending.Preferences.Topics);
        Assert.Equal(DigestFrequency.Daily, pending.Preferences.Frequency);

        _clock.Advance(TimeSpan.FromMinutes(3));
        var active = await Store().ConfirmAsync(Zhang);
        Assert.Equal(SubscriptionStatus.Active, active!.Status);
        Assert.Equal(_clock.GetUtcNow(), active.ConfirmedAt);
    }

    [Fact]
    public async Task Repeated_requests_mail_at_most_once_per_ten_minutes()
    {
        Assert.Equal(SubscribeOutcome.SendConfirmation, await Store().RequestAsync(Zhang, Finance));
        _clock.Advance(TimeSpan.FromMinutes(9));
        Assert.Equal(SubscribeOutcome.Throttled, await Store().RequestAsync(Zhang, Finance));
        _clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(SubscribeOutcome.SendConfirmation, await Store().RequestAsync(Zhang, Finance));
    }

    [Fact]
    public async Task Concurrent_requests_for_one_address_send_one_confirmation()
    {
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => Store().RequestAsync(Zhang, Finance))));
        Assert.Single(outcomes, o => o == SubscribeOutcome.SendConfirmation);
    }

    [Fact]
    public async Task A_stranger_cannot_change_an_active_subscription_by_subscribing_it_again()
    {
        await Store().RequestAsync(Zhang, Finance);
        await Store().ConfirmAsync(Zhang);
        _clock.Advance(TimeSpan.FromHours(1));

        var outcome = await Store().RequestAsync(Zhang, new Preferences(["agriculture"], [], [], [], DigestFrequency.Weekly));

        Assert.Equal(SubscribeOutcome.SendManageLink, outcome);
        var still = await Store().GetAsync(Zhang);
        Assert.Equal(SubscriptionStatus.Active, still!.Status);
        Assert.Equal(["finance"], still.Preferences.Topics);
    }

    [Fact]
    public async Task Unsubscribing_is_idempotent_and_an_old_confirm_link_does_not_revive_it()
    {
        await Store().RequestAsync(Zhang, Finance);
        await Store().ConfirmAsync(Zhang);
        var gone = await Store().UnsubscribeAsync(Zhang);
        Assert.Equal(SubscriptionStatus.Unsubscribed, gone!.Status);
        _clock.Advance(TimeSpan.FromMinutes(5));
        var again = await Store().UnsubscribeAsync(Zhang);
        Assert.Equal((SubscriptionStatus.Unsubscribed, gone.UnsubscribedAt), (again!.Status, again.UnsubscribedAt));
        Assert.Equal(SubscriptionStatus.Unsubscribed, (await Store().ConfirmAsync(Zhang))!.Status);
        Assert.Empty(await Store().ListAsync(SubscriptionStatus.Active).ToListAsync());
    }

    [Fact]
    public async Task Followed_documents_are_kept_with_the_subscription()
    {
        await Store().RequestAsync(Zhang, Preferences.Empty with { Follows = ["聊政办字[2022]22号"] });
        Assert.Equal(["聊政办字〔2022〕22号"], (await Store().GetAsync(Zhang))!.Preferences.Follows);
    }

    [Fact]
    public async Task Preferences_change_for_a_live_subscription()
    {
        await Store().RequestAsync(Zhang, Finance);
        await Store().ConfirmAsync(Zhang);
        var changed = await Store().UpdatePreferencesAsync(Zhang, new Preferences(["agriculture", "agriculture"], [], ["农业农村局"], [], DigestFrequency.Weekly));
        Assert.Equal(["agriculture"], changed!.Preferences.Topics);
        Assert.Equal(DigestFrequency.Weekly, (await Store().GetAsync(Zhang))!.Preferences.Frequency);
        Assert.Null(await Store().UpdatePreferencesAsync(EmailAddress.Parse("nobody@example.com"), Finance));
    }

    [Fact]
    public async Task Retention_erases_stale_requests_and_old_unsubscribed_addresses_only()
    {
        var stale = EmailAddress.Parse("stale@example.com");
        var left = EmailAddress.Parse("left@example.com");
        var recent = EmailAddress.Parse("recent@example.com");
        await Store().RequestAsync(stale, Finance);
        await Store().RequestAsync(left, Finance);
        await Store().ConfirmAsync(left);
        await Store().UnsubscribeAsync(left);
        await Store().RequestAsync(Zhang, Finance);
        await Store().ConfirmAsync(Zhang);

        _clock.Advance(TimeSpan.FromDays(8));
        await Store().RequestAsync(recent, Finance);
        Assert.Equal(1, await Store().ApplyRetentionAsync()); // the stale request
        Assert.Null(await Store().GetAsync(stale));
        Assert.NotNull(await Store().GetAsync(left));

        _clock.Advance(TimeSpan.FromDays(21));
        Assert.Equal(2, await Store().ApplyRetentionAsync()); // the unsubscribed address and the now-stale recent request
        Assert.Null(await Store().GetAsync(left));
        Assert.Equal(SubscriptionStatus.Active, (await Store().GetAsync(Zhang))!.Status);
    }

    [Fact]
    public async Task A_run_marks_many_subscribers_at_once_leaving_their_preferences_and_skipping_an_erased_address()
    {
        var li = EmailAddress.Parse("li@example.com");
        var erased = EmailAddress.Parse("erased@example.com");
        foreach (var email in new[] { Zhang, li })
        {
            await Store().RequestAsync(email, Finance);
            await Store().ConfirmAsync(email);
        }

        await Store().UnsubscribeAsync(li); // meanwhile: the mark must not revive it
        var through = _clock.GetUtcNow().AddHours(-1);
        await Store().MarkDigestedAsync([new DigestMark(Zhang, through, _clock.GetUtcNow()), new DigestMark(li, through, null), new DigestMark(erased, through, null)]);

        var zhang = (await Store().GetAsync(Zhang))!;
        Assert.Equal((through, _clock.GetUtcNow()), (zhang.DigestedThrough, zhang.LastDigestAt));
        Assert.Equal(["finance"], zhang.Preferences.Topics);
        var unsubscribed = (await Store().GetAsync(li))!;
        Assert.Equal((SubscriptionStatus.Unsubscribed, through, (DateTimeOffset?)null), (unsubscribed.Status, unsubscribed.DigestedThrough, unsubscribed.LastDigestAt));
        Assert.Null(await Store().GetAsync(erased)); // not recreated as a row without a subscription
    }
}
