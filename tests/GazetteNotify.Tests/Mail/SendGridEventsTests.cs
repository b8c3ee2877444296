using System.Security.Cryptography;
using System.Text;
using GazetteNotify.Mail;
using GazetteNotify.Site;
using GazetteNotify.Storage;
using GazetteNotify.Subscriptions;
using GazetteNotify.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace GazetteNotify.Tests.Mail;

/// <summary>The Event Webhook: ECDSA signatures checked; bounces and spam reports suppress; unsubscribes unsubscribe.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class SendGridEventsTests : IDisposable
{
    private readonly GazetteStorage _storage = AzuriteFixture.NewStorage();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2022, 6, 10, 0, 0, 0, TimeSpan.Zero));
    private readonly ECDsa _sendGridKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly string _outbox = Directory.CreateTempSubdirectory("gazette-events-").FullName;

    public void Dispose()
    {
        _sendGridKey.Dispose();
        Directory.Delete(_outbox, recursive: true);
    }

    private SendGridEvents Events() => new(_storage, new SubscriberStore(_storage, _clock), Convert.ToBase64String(_sendGridKey.ExportSubjectPublicKeyInfo()), _clock);

    private string Sign(string timestamp, byte[] body) => Convert.ToBase64String(
        _sendGridKey.SignData([.. Encoding.UTF8.GetBytes(timestamp), .. body], HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));

    [Fact]
    public void Only_a_body_signed_by_sendgrids_key_verifies()
    {
        var body = Encoding.UTF8.GetBytes("""[{"email":"a@example.com","event":"bounce"}]""");
        var signature = Sign("1654819200", body);

        Assert.True(Events().Verify(signature, "1654819200", body));
        Assert.False(Events().Verify(signature, "1654819201", body));                           // other timestamp
        Assert.False(Events().Verify(signature, "1654819200", [.. body, (byte)' ']));           // altered body
        using var stranger = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var forged = Convert.ToBase64String(stranger.SignData([.. Encoding.UTF8.GetBytes("1654819200"), .. body], HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));
        Assert.False(Events().Verify(forged, "1654819200", body));
        Assert.False(Events().Verify("not base64!", "1654819200", body));
        Assert.False(Events().Verify(null, null, body));
    }

    [Fact]
    public void A_signed_timestamp_more_than_five_minutes_from_now_is_refused()
    {
        // 2022-06-10 00:00 UTC is the test's now: a capture replayed an hour later, or a 2019 signature, does not pass.
        Assert.True(Events().IsFresh("1654819200"));
        Assert.True(Events().IsFresh((1654819200 - 299).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.False(Events().IsFresh((1654819200 - 301).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.False(Events().IsFresh((1654819200 + 3600).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.False(Events().IsFresh("1546300800")); // 2019-01-01
        Assert.False(Events().IsFresh("99999999999999999999"));
        Assert.False(Events().IsFresh("-5"));
        Assert.False(Events().IsFresh(null));
    }

    [Fact]
    public async Task The_same_signed_post_replayed_inside_the_five_minutes_is_not_processed_again()
    {
        // A captured post sent again within the timestamp tolerance passes the signature and freshness checks: the
        // events it carries must still be done once, and the answer must say that nothing new happened.
        await Scenario.SubscribeAsync(_storage, _clock, "left@example.com", Scenario.Keywords("居住证"));
        var body = Encoding.UTF8.GetBytes("""
            [{"email":"left@example.com","event":"unsubscribe","timestamp":1654819200,"sg_event_id":"ev-unsub-1"},
             {"email":"spam@example.com","event":"spamreport","timestamp":1654819200,"sg_event_id":"ev-spam-1"},
             {"email":"kept@example.com","event":"delivered","timestamp":1654819200}]
            """);

        var first = await Events().RecordAsync(body);
        var replay = await Events().RecordAsync(body);

        Assert.Equal("3 events: 1 unsubscribed, 1 suppressed", first.ToString());
        Assert.Equal("0 events: 0 unsubscribed, 0 suppressed; 3 already processed", replay.ToString());
    }

    [Fact]
    public async Task Two_copies_of_a_post_at_once_process_each_event_once_between_them()
    {
        var body = Encoding.UTF8.GetBytes("""
            [{"email":"a@example.com","event":"bounce","type":"bounce","timestamp":1654819200,"sg_event_id":"ev-b-1"},
             {"email":"b@example.com","event":"bounce","type":"bounce","timestamp":1654819200,"sg_event_id":"ev-b-2"}]
            """);

        var tallies = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => Events().RecordAsync(body))));

        Assert.Equal(2, tallies.Sum(t => t.Events));
        Assert.Equal(2, tallies.Sum(t => t.Suppressed));
    }

    [Fact]
    public async Task Hard_bounces_and_spam_reports_are_never_mailed_again_and_unsubscribes_unsubscribe()
    {
        var store = new SubscriberStore(_storage, _clock);
        foreach (var email in new[] { "bounced@example.com", "spam@example.com", "left@example.com", "kept@example.com" })
        {
            await Scenario.SubscribeAsync(_storage, _clock, email, Scenario.Keywords("居住证"));
        }

        var body = Encoding.UTF8.GetBytes("""
            [{"email":"bounced@example.com","event":"bounce","type":"bounce","timestamp":1654819200},
             {"email":"spam@example.com","event":"spamreport","timestamp":1654819200},
             {"email":"left@example.com","event":"unsubscribe","timestamp":1654819200},
             {"email":"kept@example.com","event":"bounce","type":"blocked","timestamp":1654819200},
             {"email":"kept@example.com","event":"delivered","timestamp":1654819200}]
            """);
        Assert.Equal(new EventTally(5, 1, 2), await Events().RecordAsync(body)); // a truthful count: the unsubscribe counts too
        Assert.Equal(SubscriptionStatus.Unsubscribed, (await store.GetAsync(EmailAddress.Parse("left@example.com")))!.Status);

        await Scenario.IngestAsync(_storage, _clock, Samples.Issue2022_06);
        await Jobs.Alerts(_storage, new OutboxTransport(_outbox, new MailboxAddress("提醒", "alerts@gazette.local")),
            new LinkTokens(Scenario.LinkSecret, _clock), SiteSettings.Local, _clock).RunAsync();

        var recipients = Directory.GetFiles(_outbox, "*.eml").Select(f => MimeMessage.Load(f).To.Mailboxes.Single().Address).ToList();
        Assert.Equal(["kept@example.com"], recipients); // a soft (blocked) bounce does not suppress
    }
}
