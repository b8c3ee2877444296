using GazetteNotify.Subscriptions;
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
    public void An_altered_payload_is_forged()
    {
        var token = Tokens().Issue("unsubscribe", "zhang@example.com", null);
        var other = Tokens().Issue("unsubscribe", "li@example.com", null);
        var spliced = other[..other.IndexOf('.')] + token[token.IndexOf('.')..];
        Assert.Equal(TokenProblem.Forged, Tokens().Verify(spliced, "unsubscribe").Problem);
    }

    [Fact]
    public void A_token_signed_with_another_key_is_forged() =>
        Assert.Equal(TokenProblem.Forged, Tokens().Verify(Tokens("another-secret-that-is-long-enough-32b").Issue("manage", "a@b.cn", null), "manage").Problem);

    [Fact]
    public void A_token_for_one_purpose_does_not_open_another() =>
        Assert.Equal(TokenProblem.WrongPurpose, Tokens().Verify(Tokens().Issue("manage", "a@b.cn", null), "unsubscribe").Problem);

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
