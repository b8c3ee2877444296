using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using GazetteNotify.Site;
using Microsoft.Extensions.Time.Testing;

namespace GazetteNotify.Tests.Subscriptions;

public class LinkTokensTests
{
    private const string Secret = "a-test-secret-that-is-long-enough-32b";
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero));

    private LinkTokens Tokens(string secret = Secret) => new(secret, _clock);

    [Fact]
    public void A_token_opens_what_it_was_issued_for()
    {
        var token = Tokens().Issue("confirm", "zhang@example.com", TimeSpan.FromDays(7));
        var check = Tokens().Verify(token, "confirm");
        Assert.True(check.IsValid);
        Assert.Equal("zhang@example.com", check.Subject);
    }

    [Fact]
    public void An_altered_token_is_forged()
    {
        var token = Tokens().Issue("unsubscribe", "zhang@example.com");
        var bytes = Base64Url.DecodeFromChars(token.AsSpan(3));
        for (var i = 0; i < bytes.Length; i += 7)
        {
            var altered = (byte[])bytes.Clone();
            altered[i] ^= 0x01; // nonce, sealed payload or tag: any changed bit
            Assert.Equal(TokenProblem.Forged, Tokens().Verify("v2." + Base64Url.EncodeToString(altered), "unsubscribe").Problem);
        }
    }

    [Fact]
    public void A_token_reveals_nothing_about_its_holder_or_purpose()
    {
        var token = Tokens().Issue("unsubscribe", "someone@example.com");
        var decoded = Encoding.Latin1.GetString(Base64Url.DecodeFromChars(token.AsSpan(3)));

        // Words of the payload, not single characters: random sealed bytes hold any one character now and then.
        foreach (var readable in new[] { "someone", "example.com", "unsubscribe", "\"P\":" })
        {
            Assert.DoesNotContain(readable, token, StringComparison.Ordinal);
            Assert.DoesNotContain(readable, decoded, StringComparison.Ordinal);
        }

        Assert.NotEqual(token, Tokens().Issue("unsubscribe", "someone@example.com")); // a fresh nonce each time: links cannot be linked
    }

    [Theory]
    [InlineData("confirm", 7)]
    [InlineData("manage", 90)]
    [InlineData("unsubscribe", 400)]
    [InlineData("task-ack", 180)]
    [InlineData("task-done", 180)]
    [InlineData("calendar", 730)]
    public void Every_token_expires_after_its_purposes_lifetime(string purpose, int days)
    {
        var token = Tokens().Issue(purpose, "a@b.cn");
        _clock.Advance(TimeSpan.FromDays(days) - TimeSpan.FromMinutes(1));
        Assert.True(Tokens().Verify(token, purpose).IsValid);
        _clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(TokenProblem.Expired, Tokens().Verify(token, purpose).Problem);
    }

    /// <summary>A link of the earlier, readable form, as mails already sent carry it: base64url(JSON) "." HMAC-SHA256.</summary>
    private static string Readable(string purpose, string subject, long expires, string secret = Secret)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(new { P = purpose, S = subject, E = expires });
        return Base64Url.EncodeToString(payload) + "." + Base64Url.EncodeToString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), payload));
    }

    [Fact]
    public void Links_already_sent_keep_working_until_they_would_have_expired_under_the_new_rules()
    {
        var unsubscribe = Readable("unsubscribe", "zhang@example.com", 0); // never expired before
        Assert.Equal("zhang@example.com", Tokens().Verify(unsubscribe, "unsubscribe").Subject);

        _clock.SetUtcNow(LinkPurposes.SealedSince.AddDays(399));
        Assert.True(Tokens().Verify(unsubscribe, "unsubscribe").IsValid);
        Assert.Equal(TokenProblem.Expired, Tokens().Verify(Readable("manage", "zhang@example.com", 0), "manage").Problem); // 90 days are over
        _clock.SetUtcNow(LinkPurposes.SealedSince.AddDays(401));
        Assert.Equal(TokenProblem.Expired, Tokens().Verify(unsubscribe, "unsubscribe").Problem);

        // An old confirm link kept its own expiry; old forgeries are still forgeries.
        Assert.Equal(TokenProblem.Expired, Tokens().Verify(Readable("confirm", "a@b.cn", LinkPurposes.SealedSince.AddDays(-1).ToUnixTimeSeconds()), "confirm").Problem);
        Assert.Equal(TokenProblem.Forged, Tokens().Verify(Readable("unsubscribe", "a@b.cn", 0, "another-secret-that-is-long-enough-32b"), "unsubscribe").Problem);
    }

    [Fact]
    public void A_token_signed_with_another_key_is_forged() =>
        Assert.Equal(TokenProblem.Forged, Tokens().Verify(Tokens("another-secret-that-is-long-enough-32b").Issue("manage", "a@b.cn"), "manage").Problem);

    [Fact]
    public void A_token_for_one_purpose_does_not_open_another() =>
        Assert.Equal(TokenProblem.WrongPurpose, Tokens().Verify(Tokens().Issue("manage", "a@b.cn"), "unsubscribe").Problem);

    [Fact]
    public void A_confirm_link_expires()
    {
        var token = Tokens().Issue("confirm", "a@b.cn", TimeSpan.FromDays(7));
        _clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromSeconds(2));
        Assert.Equal(TokenProblem.Expired, Tokens().Verify(token, "confirm").Problem);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("no-dot")]
    [InlineData(".")]
    [InlineData("!!!.???")]
    public void Garbage_is_malformed(string? token) => Assert.Equal(TokenProblem.Malformed, Tokens().Verify(token, "confirm").Problem);

    [Fact]
    public void A_short_secret_is_refused_at_start() => Assert.Throws<ArgumentException>(() => new LinkTokens("short", _clock));
}
