using GazetteNotify.Subscriptions;
using GazetteNotify.Tests.Support;
using GazetteNotify.Topics;

namespace GazetteNotify.Tests.Subscriptions;

public class SubscriptionMatcherTests
{
    private static (GazetteNotify.Parsing.Model.GazetteDocument Document, string Text) Doc(string sample, int index)
    {
        var parsed = Samples.Parse(sample);
        var issue = TopicClassifier.Default.ClassifyAll(parsed.Issue!, parsed.DocumentTexts);
        return (issue.Documents[index], parsed.DocumentTexts[index]);
    }

    private static Preferences Prefs(string[]? topics = null, string[]? keywords = null, string[]? issuers = null, string[]? prefixes = null) =>
        new(topics ?? [], keywords ?? [], issuers ?? [], prefixes ?? [], DigestFrequency.EachIssue);

    [Fact]
    public void Topics_keywords_issuers_and_prefixes_each_match_and_say_why()
    {
        var (permit, text) = Doc(Samples.Issue2022_06, 1); // 聊政办字〔2022〕22号 居住证实施办法
        var match = SubscriptionMatcher.Match(Prefs(["public-security-justice"], ["居住证", "公积金"], ["人民政府办公室"], ["聊政办字"]), permit, text);

        Assert.NotNull(match);
        Assert.Equal(["public-security-justice"], match.Topics);
        Assert.Equal(["居住证", "公积金"], match.Keywords); // 公积金 appears in the body (缴存、提取和使用住房公积金)
        Assert.Equal(["人民政府办公室"], match.Issuers);
        Assert.Equal(["聊政办字"], match.DocNumberPrefixes);
    }

    [Fact]
    public void Nothing_in_common_is_no_match()
    {
        var (chronicle, text) = Doc(Samples.Issue2022_06, 6);
        Assert.Null(SubscriptionMatcher.Match(Prefs(["agriculture"], ["口蹄疫"], ["医疗保障局"], ["聊医保发"]), chronicle, text));
    }

    [Fact]
    public void A_department_document_matches_its_issuer_and_prefix()
    {
        var (measures, text) = Doc(Samples.Issue2019_08, 5); // 聊医保发〔2019〕47号
        Assert.NotNull(SubscriptionMatcher.Match(Prefs(issuers: ["医疗保障局"]), measures, text));
        Assert.NotNull(SubscriptionMatcher.Match(Prefs(prefixes: ["聊医保发"]), measures, text));
        Assert.Null(SubscriptionMatcher.Match(Prefs(prefixes: ["聊政发"]), measures, text));
    }

    [Fact]
    public void Followers_hear_when_a_later_document_cites_or_repeals_what_they_follow()
    {
        var follow = Prefs() with { Follows = ["聊政办字(2016)32号", "聊政办发〔2006〕71号", "鲁政办字〔2020〕176号"] };
        var normalised = follow.Normalised();
        Assert.Equal(["聊政办字〔2016〕32号", "聊政办发〔2006〕71号", "鲁政办字〔2020〕176号"], normalised.Follows);

        var (smartCity, t1) = Doc(Samples.Issue2019_08, 0);   // repeals 聊政办字〔2016〕32号
        var repeal = SubscriptionMatcher.Match(normalised, smartCity, t1);
        Assert.Equal(["聊政办字〔2016〕32号"], repeal!.Repeals);
        Assert.Empty(repeal.Cites);

        var (plan, t2) = Doc(Samples.Issue2022_06, 2);        // cites 鲁政办字〔2020〕176号
        var cite = SubscriptionMatcher.Match(normalised, plan, t2);
        Assert.Equal(["鲁政办字〔2020〕176号"], cite!.Cites);

        var (opinion, t3) = Doc(Samples.Issue2022_06, 0);     // cites none of them
        Assert.Null(SubscriptionMatcher.Match(normalised, opinion, t3));
        Assert.False(normalised.IsEmpty);
    }

    [Fact]
    public void Preferences_are_normalised()
    {
        var prefs = Prefs(["finance", " finance ", ""], ["  减税 ", "减税", "bad\nline"]).Normalised();
        Assert.Equal(["finance"], prefs.Topics);
        Assert.Equal(["减税"], prefs.Keywords);
        Assert.True(Preferences.Empty.IsEmpty);
    }
}
