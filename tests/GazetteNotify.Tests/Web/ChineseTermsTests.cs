using GazetteNotify.Documents;
using GazetteNotify.Tests.Support;
using GazetteNotify.Web;

namespace GazetteNotify.Tests.Web;

/// <summary>The admin pages say every stored status, review reason and basis in Chinese.</summary>
public class ChineseTermsTests
{
    [Theory]
    [InlineData("ingested", "已入库")]
    [InlineData("rejected", "已拒收")]
    [InlineData("ingesting", "入库中")]
    public void Statuses_have_one_term_each(string stored, string shown) => Assert.Equal(shown, ChineseTerms.IssueStatus(stored));

    [Fact]
    public void Every_reason_and_basis_the_samples_produce_reads_in_chinese()
    {
        var texts = Samples.All
            .SelectMany(s => IssueRows.Build("k", Samples.Issue(s), new Upload("a.txt", new string('a', 64), "UTF-8"), DateTimeOffset.UnixEpoch).Deadlines)
            .SelectMany(d => new[] { d.Review, d.Basis })
            .Where(t => t is not null).Distinct().ToList();
        Assert.Contains(texts, t => t!.StartsWith("counted from", StringComparison.Ordinal)); // the samples do hold English reasons

        foreach (var text in texts)
        {
            var shown = ChineseTerms.ReviewReason(text);
            Assert.False(shown.Any(char.IsAsciiLetter), $"「{text}」 is shown as 「{shown}」");
        }
    }

    [Theory]
    [InlineData("counted from an event («收到申请之日»), not from the signing date", "自某一事件（「收到申请之日」）起算，而非自签发日期起算")]
    [InlineData("3个工作日, from the signing date 2022-06-09", "自签发日期 2022-06-09 起 3个工作日")]
    [InlineData("set by the admin: 市财政局确认", "由管理员设定：市财政局确认")]
    [InlineData("something new", "something new")] // unknown: shown as stored, never hidden
    public void Reasons_keep_what_varies(string stored, string shown) => Assert.Equal(shown, ChineseTerms.ReviewReason(stored));

    [Theory]
    [InlineData("no error recorded (the worker stopped or timed out)", "没有记录错误（发送进程中止或超时）")]
    [InlineData("not a readable batch: JsonException: bad", "不是可读的批次：JsonException: bad")]
    [InlineData("SendGrid 400: invalid from address", "SendGrid 400: invalid from address")] // the provider's own words, kept
    public void Batch_errors_are_said_in_chinese_and_the_providers_words_kept(string stored, string shown) => Assert.Equal(shown, ChineseTerms.BatchError(stored));
}
