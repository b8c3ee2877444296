using GazetteNotify.Mail;

namespace GazetteNotify.Tests.Mail;

/// <summary>Which addresses count as one inbox for the per-address limits (issue 21, finding 5).</summary>
public sealed class MailboxKeyTests
{
    private static string Key(string address) => MailboxKey.Of(EmailAddress.Parse(address)).Value;

    [Theory]
    [InlineData("victim+1@example.com", "victim@example.com")]
    [InlineData("Victim+News+2@Example.COM", "victim@example.com")]
    [InlineData("victim@example.com", "victim@example.com")]
    [InlineData("first.last@example.com", "first.last@example.com")] // most providers keep dots: so does the key
    [InlineData("First.Last+x@gmail.com", "firstlast@gmail.com")]
    [InlineData("f.i.r.s.t@googlemail.com", "first@gmail.com")]
    [InlineData("+tag@example.com", "+tag@example.com")] // nothing before the tag: left as it is
    public void Tags_case_and_ignored_dots_fall_away(string address, string key) => Assert.Equal(key, Key(address));

    [Fact]
    public void An_internationalised_domain_and_its_punycode_are_one_mailbox()
    {
        Assert.Equal("zhang@xn--fiqs8s.xn--fiqs8s", Key("Zhang+1@中国.中国"));
        Assert.Equal(Key("zhang+1@中国.中国"), Key("zhang@XN--FIQS8S.xn--fiqs8s"));
        Assert.Equal(MailboxKey.Of(EmailAddress.Parse("zhang+a@中国.中国")).Hash(), MailboxKey.Of(EmailAddress.Parse("zhang@xn--fiqs8s.xn--fiqs8s")).Hash());
    }

    [Fact]
    public void Quoted_local_parts_never_reach_a_key_because_the_address_is_refused()
    {
        Assert.False(EmailAddress.TryParse("\"victim+1\"@example.com", out _));
        Assert.False(EmailAddress.TryParse("\"a b\"@gmail.com", out _));
    }

    [Fact]
    public void Different_inboxes_stay_apart()
    {
        Assert.NotEqual(Key("victim@example.com"), Key("victim@example.org"));
        Assert.NotEqual(Key("a.b@example.com"), Key("ab@example.com"));
        Assert.NotEqual(Key("victim1@example.com"), Key("victim+1@example.com"));
    }
}
