using GazetteNotify.Formats.Word;
using GazetteNotify.Parsing;
using GazetteNotify.Tests.Support;
using Xunit.Abstractions;

namespace GazetteNotify.Tests.Formats.Word;

/// <summary>
/// The three real issues typed into Word (numbered lists, tables, a text-box 版头, revisions: <see cref="SampleDocx"/>)
/// read back and parsed give what their text gives: the same documents, tasks and time limits.
/// </summary>
public class WordSampleRoundTripTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(Samples.Issue2018_07)]
    [InlineData(Samples.Issue2019_08)]
    [InlineData(Samples.Issue2022_06)]
    public void A_sample_typed_into_Word_parses_as_its_text_does(string sample)
    {
        var docx = SampleDocx.Build(Samples.Text(sample), out var numbered);
        var read = WordUploadReader.Read(docx);
        Assert.Null(read.Rejection);
        Assert.Empty(read.Warnings);
        Assert.DoesNotContain(SampleDocx.StruckUnit, read.Text!, StringComparison.Ordinal);

        var fromWord = GazetteParser.ParseText(read.Text!);
        Assert.Null(fromWord.Rejection);
        var comparison = IssueComparison.Between(Samples.Issue(sample), fromWord.Issue!);
        output.WriteLine($"{sample}: {numbered} numbered paragraphs, {Samples.Issue(sample).Documents.Sum(d => d.Tasks.Count)} tasks; {comparison.TaskDifferences} task differences");
        foreach (var difference in comparison.All) output.WriteLine(difference);

        Assert.True(numbered > 50, $"only {numbered} paragraphs were numbered automatically");
        Assert.Empty(comparison.Documents);
        Assert.True(comparison.TaskDifferences <= 1, string.Join("\n", comparison.Tasks));
        Assert.Empty(comparison.Deadlines);
    }
}
