using GazetteNotify.Mail;

namespace GazetteNotify.Tests.Subscriptions;

public class EmailAddressTests
{
    [Theory]
    [InlineData("Zhang.San@Example.COM", "zhang.san@example.com")]
    [InlineData("  li+alerts@mail.liaocheng.gov.cn ", "li+alerts@mail.liaocheng.gov.cn")]
    [InlineData("wang@例子.中国", "wang@xn--fsqu00a.xn--fiqs8s")]
    [InlineData("a@b.co.", "a@b.co")]
    public void Valid_addresses_are_normalised(string input, string normalised)
    {
        Assert.True(EmailAddress.TryParse(input, out var address));
        Assert.Equal(normalised, address!.Value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("plainaddress")]
    [InlineData("@example.com")]
    [InlineData("user@")]
    [InlineData("user@localhost")]
    [InlineData("a@b@c.com")]
    [InlineData("user@exa mple.com")]
    [InlineData("victim@example.com\r\nBcc: everyone@example.com")]
    [InlineData("victim@example.com\nSubject: hi")]
    [InlineData("Zhang San <zhang@example.com>")]
    [InlineData("a@example.com,b@example.com")]
    [InlineData(".dot@example.com")]
    [InlineData("dot.@example.com")]
    [InlineData("user@-example.com")]
    public void Invalid_or_injected_addresses_are_refused(string input) => Assert.False(EmailAddress.TryParse(input, out _));

    [Fact]
    public void A_masked_form_and_a_hash_stand_in_for_the_address_in_logs()
    {
        var address = EmailAddress.Parse("zhang.san@example.com");
        Assert.Equal("z***@example.com", address.Masked());
        Assert.Equal(64, address.Hash().Length);
        Assert.Equal(address.Hash(), EmailAddress.Parse("ZHANG.SAN@example.com").Hash());
    }
}
