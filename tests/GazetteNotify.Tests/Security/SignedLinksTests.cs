using GazetteNotify.Mail;
using GazetteNotify.Reminders;
using GazetteNotify.Site;
using GazetteNotify.Storage;
using GazetteNotify.Subscriptions;
using GazetteNotify.Tests.Support;
using GazetteNotify.Web;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace GazetteNotify.Tests.Security;

/// <summary>
/// Every signed link the service issues — confirm, manage, unsubscribe, task acknowledge, task done, calendar — refuses
/// a forged, altered, foreign-key, wrong-purpose and (for confirm) expired token, and changes nothing; a replayed valid
/// link changes nothing more than its first use did.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class SignedLinksTests : IDisposable
{
    private readonly GazetteStorage _storage = AzuriteFixture.NewStorage();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2022, 6, 10, 0, 0, 0, TimeSpan.Zero));
    private readonly string _outbox = Directory.CreateTempSubdirectory("gazette-links-").FullName;

    public void Dispose() => Directory.Delete(_outbox, recursive: true);

    private LinkTokens Tokens => new(Scenario.LinkSecret, _clock);

    private static readonly LinkTokens Foreign = new("another-secret-that-is-long-enough-32b", TimeProvider.System);

    public static TheoryData<string> Purposes => new()
    {
        SubscriptionHandlers.Confirm, SubscriptionHandlers.Manage, SubscriptionHandlers.Unsubscribe,
        ReminderLinks.AcknowledgePurpose, ReminderLinks.DonePurpose, ReminderLinks.CalendarPurpose,
    };

    private async Task<(int Status, Func<Task<string>> State)> OpenAsync(string purpose, string? token)
    {
        var subscriptions = new SubscriptionHandlers(new SubscriberStore(_storage, _clock), Tokens, new OutboxTransport(_outbox, new MailboxAddress("t", "t@gazette.local")), SiteSettings.Local, _clock);
        var tasks = Jobs.TaskHandlers(_storage, Tokens, SiteSettings.Local, _clock);
        var store = new SubscriberStore(_storage, _clock);
        Task<string> Subscriber() => store.GetAsync(EmailAddress.Parse("owner@example.com")).ContinueWith(t => $"{t.Result?.Status}|{string.Join(",", t.Result?.Preferences.Keywords ?? [])}");
        Task<string> Task() => new TaskStates(_storage).ProgressAsync("2022-06|01|002").ContinueWith(t => t.Result is { } p ? StoredName.Of(p.Of("finance")) : ""); // the finance bureau's part
        var page = purpose switch
        {
            SubscriptionHandlers.Confirm => await subscriptions.ConfirmAsync(token), // the POST; the page (GET) changes nothing in any case
            SubscriptionHandlers.Manage => await subscriptions.UpdateAsync(token, new SubscriptionForm(null, [], "改过", null, null, null)),
            SubscriptionHandlers.Unsubscribe => await subscriptions.UnsubscribeAsync(token),
            ReminderLinks.AcknowledgePurpose => await tasks.AcknowledgeAsync(token),
            ReminderLinks.DonePurpose => await tasks.DoneAsync(token, "note"),
            _ => await tasks.CalendarAsync("finance", token),
        };
        return (page.Status, purpose is ReminderLinks.AcknowledgePurpose or ReminderLinks.DonePurpose or ReminderLinks.CalendarPurpose ? Task : Subscriber);
    }

    private string _requestId = "";

    private string Subject(string purpose) => purpose switch
    {
        SubscriptionHandlers.Confirm => ConfirmSubject.Format(EmailAddress.Parse("owner@example.com"), _requestId),
        ReminderLinks.AcknowledgePurpose or ReminderLinks.DonePurpose => ReminderLinks.Subject("finance", "2022-06|01|002"),
        ReminderLinks.CalendarPurpose => "finance",
        _ => "owner@example.com",
    };

    private async Task SetUpAsync()
    {
        await Scenario.IngestAsync(_storage, _clock, Samples.Issue2022_06);
        _requestId = (await new SubscriberStore(_storage, _clock).RequestAsync(EmailAddress.Parse("owner@example.com"), Scenario.Keywords("居住证"))).RequestId!;
    }

    [Theory]
    [MemberData(nameof(Purposes))]
    public async Task Forged_altered_foreign_and_wrong_purpose_tokens_are_refused_and_change_nothing(string purpose)
    {
        await SetUpAsync();
        var valid = Tokens.Issue(purpose, Subject(purpose), purpose == SubscriptionHandlers.Confirm ? SubscriptionHandlers.ConfirmLinkLifetime : null);
        var other = purpose == SubscriptionHandlers.Manage ? SubscriptionHandlers.Unsubscribe : SubscriptionHandlers.Manage;
        var bad = new[]
        {
            null, "", "garbage", valid[..^4] + (valid[^4] == 'A' ? "BBBB" : "AAAA"), valid + "x",
            Foreign.Issue(purpose, Subject(purpose), null),         // signed with another key
            Tokens.Issue(other, Subject(purpose), null),            // signed for another purpose
            Tokens.Issue(purpose, "intruder@example.com#2022-06|01|002", null),
        };
        var (_, state) = await OpenAsync(purpose, valid[..5]);
        var before = await state();

        foreach (var token in bad)
        {
            var (status, _) = await OpenAsync(purpose, token);
            Assert.True(status is 400 or 404 or 410, $"{purpose}: '{token}' answered {status}");
            Assert.Equal(before, await state());
        }
    }

    [Fact]
    public async Task An_expired_confirm_link_and_replayed_links_change_nothing_more()
    {
        await SetUpAsync();
        var confirm = Tokens.Issue(SubscriptionHandlers.Confirm, Subject(SubscriptionHandlers.Confirm), SubscriptionHandlers.ConfirmLinkLifetime);
        _clock.Advance(SubscriptionHandlers.ConfirmLinkLifetime + TimeSpan.FromMinutes(1));
        Assert.Equal(410, (await OpenAsync(SubscriptionHandlers.Confirm, confirm)).Status);
        Assert.Equal(SubscriptionStatus.Pending, (await new SubscriberStore(_storage, _clock).GetAsync(EmailAddress.Parse("owner@example.com")))!.Status);

        // A new request (its request expired with its link), and its fresh link.
        _requestId = (await new SubscriberStore(_storage, _clock).RequestAsync(EmailAddress.Parse("owner@example.com"), Scenario.Keywords("居住证"))).RequestId!;
        var fresh = Tokens.Issue(SubscriptionHandlers.Confirm, Subject(SubscriptionHandlers.Confirm), SubscriptionHandlers.ConfirmLinkLifetime);
        Assert.Equal(200, (await OpenAsync(SubscriptionHandlers.Confirm, fresh)).Status);
        var unsubscribe = Tokens.Issue(SubscriptionHandlers.Unsubscribe, "owner@example.com", null);
        Assert.Equal(200, (await OpenAsync(SubscriptionHandlers.Unsubscribe, unsubscribe)).Status);
        Assert.Equal(200, (await OpenAsync(SubscriptionHandlers.Unsubscribe, unsubscribe)).Status); // replay: still unsubscribed, no error
        Assert.Equal(410, (await OpenAsync(SubscriptionHandlers.Confirm, fresh)).Status);          // replaying confirm does not revive it
        Assert.Equal(SubscriptionStatus.Unsubscribed, (await new SubscriberStore(_storage, _clock).GetAsync(EmailAddress.Parse("owner@example.com")))!.Status);

        var done = Tokens.Issue(ReminderLinks.DonePurpose, ReminderLinks.Subject("finance", "2022-06|01|002"), null);
        var ack = Tokens.Issue(ReminderLinks.AcknowledgePurpose, ReminderLinks.Subject("finance", "2022-06|01|002"), null);
        await OpenAsync(ReminderLinks.DonePurpose, done);
        var (_, state) = await OpenAsync(ReminderLinks.AcknowledgePurpose, ack); // replaying an older link: done stays done
        Assert.Equal("done", await state());
    }
}
