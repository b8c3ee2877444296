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

    /// <summary>Request and confirm by the request's own link: the active subscriber most tests start from.</summary>
    private async Task<Subscription?> SubscribeAsync(EmailAddress email, Preferences preferences)
    {
        var request = await Store().RequestAsync(email, preferences);
        return (await Store().ConfirmAsync(email, request.RequestId!)).Subscription;
    }

    [Fact]
    public async Task Subscribing_creates_a_pending_subscription_that_confirming_activates()
    {
        var request = await Store().RequestAsync(Zhang, Finance);
        Assert.Equal(SubscribeOutcome.SendConfirmation, request.Outcome);
        var pending = await Store().GetAsync(Zhang);
        Assert.Equal(SubscriptionStatus.Pending, pending!.Status);
        Assert.True(pending.Preferences.IsEmpty); // the request keeps its own preferences; the pending row none
        Assert.Equal(["finance"], (await Store().GetRequestAsync(Zhang, request.RequestId!)).Requested!.Topics);

        _clock.Advance(TimeSpan.FromMinutes(3));
        var (outcome, active) = await Store().ConfirmAsync(Zhang, request.RequestId!);
        Assert.Equal(ConfirmOutcome.Confirmed, outcome);
        Assert.Equal(SubscriptionStatus.Active, active!.Status);
        Assert.Equal(_clock.GetUtcNow(), active.ConfirmedAt);
        Assert.Equal(("finance", DigestFrequency.Daily), (string.Join("、", active!.Preferences.Topics), active.Preferences.Frequency));
    }

    [Fact]
    public async Task Repeated_requests_mail_at_most_once_per_ten_minutes()
    {
        Assert.Equal(SubscribeOutcome.SendConfirmation, (await Store().RequestAsync(Zhang, Finance)).Outcome);
        _clock.Advance(TimeSpan.FromMinutes(9));
        Assert.Equal(new SubscribeRequest(SubscribeOutcome.Throttled), await Store().RequestAsync(Zhang, Finance));
        _clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(SubscribeOutcome.SendConfirmation, (await Store().RequestAsync(Zhang, Finance)).Outcome);
    }

    [Fact]
    public async Task Concurrent_requests_for_one_address_send_one_confirmation()
    {
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => Store().RequestAsync(Zhang, Finance))));
        Assert.Single(outcomes, o => o.Outcome == SubscribeOutcome.SendConfirmation);
    }

    [Fact]
    public async Task A_stranger_cannot_change_an_active_subscription_by_subscribing_it_again()
    {
        await SubscribeAsync(Zhang, Finance);
        _clock.Advance(TimeSpan.FromHours(1));

        var outcome = await Store().RequestAsync(Zhang, new Preferences(["agriculture"], [], [], [], DigestFrequency.Weekly));

        Assert.Equal(new SubscribeRequest(SubscribeOutcome.SendManageLink), outcome);
        var still = await Store().GetAsync(Zhang);
        Assert.Equal(SubscriptionStatus.Active, still!.Status);
        Assert.Equal(["finance"], still.Preferences.Topics);
    }

    [Fact]
    public async Task Unsubscribing_is_idempotent_and_an_old_confirm_link_does_not_revive_it()
    {
        var request = await Store().RequestAsync(Zhang, Finance);
        await Store().ConfirmAsync(Zhang, request.RequestId!);
        var gone = await Store().UnsubscribeAsync(Zhang);
        Assert.Equal(SubscriptionStatus.Unsubscribed, gone!.Status);
        _clock.Advance(TimeSpan.FromMinutes(5));
        var again = await Store().UnsubscribeAsync(Zhang);
        Assert.Equal((SubscriptionStatus.Unsubscribed, gone.UnsubscribedAt), (again!.Status, again.UnsubscribedAt));
        var (outcome, old) = await Store().ConfirmAsync(Zhang, request.RequestId!);
        Assert.Equal((ConfirmOutcome.Gone, SubscriptionStatus.Unsubscribed), (outcome, old!.Status));
        Assert.Empty(await Store().ListAsync(SubscriptionStatus.Active).ToListAsync());
    }

    [Fact]
    public async Task Followed_documents_are_kept_with_the_subscription()
    {
        await SubscribeAsync(Zhang, Preferences.Empty with { Follows = ["聊政办字[2022]22号"] });
        Assert.Equal(["聊政办字〔2022〕22号"], (await Store().GetAsync(Zhang))!.Preferences.Follows);
    }

    [Fact]
    public async Task Preferences_change_for_a_live_subscription()
    {
        await SubscribeAsync(Zhang, Finance);
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
        await SubscribeAsync(left, Finance);
        await Store().UnsubscribeAsync(left);
        await SubscribeAsync(Zhang, Finance);

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
            await SubscribeAsync(email, Finance);
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

    [Fact]
    public async Task A_later_request_from_anyone_cannot_change_what_an_earlier_link_activates()
    {
        var owners = await Store().RequestAsync(Zhang, Finance);
        _clock.Advance(TimeSpan.FromMinutes(11)); // past the throttle: the stranger's request is mailed too
        var strangers = await Store().RequestAsync(Zhang, new Preferences(["agriculture"], [], [], [], DigestFrequency.Weekly));
        Assert.Equal(SubscribeOutcome.SendConfirmation, strangers.Outcome);
        Assert.NotEqual(owners.RequestId, strangers.RequestId);

        var (outcome, active) = await Store().ConfirmAsync(Zhang, owners.RequestId!);
        Assert.Equal(ConfirmOutcome.Confirmed, outcome);
        Assert.Equal(("finance", DigestFrequency.Daily), (string.Join("、", active!.Preferences.Topics), active.Preferences.Frequency));

        // The stranger's link (which went to the owner's inbox) changes nothing once the address is active.
        Assert.Equal(ConfirmOutcome.AlreadyActive, (await Store().ConfirmAsync(Zhang, strangers.RequestId!)).Outcome);
        Assert.Equal(["finance"], (await Store().GetAsync(Zhang))!.Preferences.Topics);
    }

    [Fact]
    public async Task A_link_names_its_own_address_and_an_unknown_request_confirms_nothing()
    {
        var request = await Store().RequestAsync(Zhang, Finance);
        var li = EmailAddress.Parse("li@example.com");
        await Store().RequestAsync(li, Finance);
        Assert.Equal(ConfirmOutcome.Gone, (await Store().ConfirmAsync(li, request.RequestId!)).Outcome); // Zhang's id, Li's address
        Assert.Equal(ConfirmOutcome.Gone, (await Store().ConfirmAsync(Zhang, PendingRequests.NewId())).Outcome);
        Assert.Equal(SubscriptionStatus.Pending, (await Store().GetAsync(Zhang))!.Status);
    }

    [Fact]
    public async Task Plus_addresses_and_gmail_dots_share_one_inbox_throttle()
    {
        Assert.Equal(SubscribeOutcome.SendConfirmation, (await Store().RequestAsync(EmailAddress.Parse("victim+1@example.com"), Finance)).Outcome);
        Assert.Equal(SubscribeOutcome.Throttled, (await Store().RequestAsync(EmailAddress.Parse("victim+2@example.com"), Finance)).Outcome);
        Assert.Null(await Store().GetAsync(EmailAddress.Parse("victim+2@example.com"))); // a throttled request leaves nothing behind
        Assert.Equal(SubscribeOutcome.SendConfirmation, (await Store().RequestAsync(EmailAddress.Parse("first.last@gmail.com"), Finance)).Outcome);
        Assert.Equal(SubscribeOutcome.Throttled, (await Store().RequestAsync(EmailAddress.Parse("firstlast+x@googlemail.com"), Finance)).Outcome);
        Assert.Equal(SubscribeOutcome.SendConfirmation, (await Store().RequestAsync(EmailAddress.Parse("someone-else@example.com"), Finance)).Outcome);

        _clock.Advance(TimeSpan.FromMinutes(11));
        Assert.Equal(SubscribeOutcome.SendConfirmation, (await Store().RequestAsync(EmailAddress.Parse("victim+2@example.com"), Finance)).Outcome);
    }

    [Fact]
    public async Task Retention_erases_each_request_a_week_after_it_was_made_and_its_link_then_confirms_nothing()
    {
        var request = await Store().RequestAsync(Zhang, Finance);
        var requests = _storage.Table(_storage.Names.SubscribeRequestsTable);
        Assert.Equal(2, await requests.QueryAsync<Azure.Data.Tables.TableEntity>().CountAsync()); // the request and the inbox's throttle mark

        _clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
        await Store().ApplyRetentionAsync();
        Assert.Equal(0, await requests.QueryAsync<Azure.Data.Tables.TableEntity>().CountAsync());
        Assert.Equal(ConfirmOutcome.Gone, (await Store().ConfirmAsync(Zhang, request.RequestId!)).Outcome);
    }

    [Fact]
    public async Task Confirming_erases_every_request_of_the_address()
    {
        var first = await Store().RequestAsync(Zhang, Finance);
        _clock.Advance(TimeSpan.FromMinutes(11));
        await Store().RequestAsync(Zhang, Finance with { Topics = ["agriculture"] });
        await Store().ConfirmAsync(Zhang, first.RequestId!);
        var left = await _storage.Table(_storage.Names.SubscribeRequestsTable).QueryAsync<Azure.Data.Tables.TableEntity>(e => e.PartitionKey == Zhang.Hash()).CountAsync();
        Assert.Equal(0, left);
    }

    [Fact]
    public async Task A_pending_address_asked_for_again_lives_as_long_as_its_newest_link()
    {
        await Store().RequestAsync(Zhang, Finance); // a stranger, day 0
        _clock.Advance(TimeSpan.FromDays(6));
        var owners = await Store().RequestAsync(Zhang, Finance with { Topics = ["health"] }); // the owner, day 6

        _clock.Advance(TimeSpan.FromDays(2));
        Assert.Equal(0, await Store().ApplyRetentionAsync()); // day 8: the owner's link is two days old
        var (outcome, active) = await Store().ConfirmAsync(Zhang, owners.RequestId!);
        Assert.Equal((ConfirmOutcome.Confirmed, "health"), (outcome, string.Join("、", active!.Preferences.Topics)));
    }
}
