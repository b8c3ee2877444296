using GazetteNotify.Formats;
using GazetteNotify.Formats.Pdf;
using GazetteNotify.Parsing;
using GazetteNotify.Tests.Support;
using Xunit.Abstractions;

namespace GazetteNotify.Tests.Formats.Pdf;

/// <summary>
/// The three real issues printed as gazette PDFs and read back: the parser must find in the PDF's text what it finds
/// in the text itself — the same documents, tasks (lead and support units) and time limits.
/// </summary>
[Collection(PdfPrinting.Name)]
public sealed class SampleRoundTripTests(PdfPrinter printer, ITestOutputHelper output)
{
    public static TheoryData<string, bool, int> Samples => new()
    {
        { Support.Samples.Issue2018_07, true, 1 },
        { Support.Samples.Issue2019_08, true, 1 },
        { Support.Samples.Issue2022_06, true, 1 },
        { Support.Samples.Issue2019_08, false, 1 },
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task Printed_issue_parses_like_its_text(string sample, bool twoColumns, int tolerance)
    {
        var text = Support.Samples.Text(sample);
        var pdf = await printer.PrintAsync(GazetteHtml.Issue(text, twoColumns), new PrintSettings("聊城市人民政府公报"));

        var read = PdfUploadReader.Read(pdf);

        Assert.Null(read.Rejection);
        Assert.Equal(UploadFormat.Pdf, read.Format);
        var dump = Path.Combine(AppContext.BaseDirectory, "pdf-cache", $"{Path.GetFileNameWithoutExtension(sample)}-{(twoColumns ? 2 : 1)}col.txt");
        await File.WriteAllTextAsync(dump, read.Text);
        var expected = GazetteParser.ParseText(text).Issue!;
        var actual = GazetteParser.ParseText(read.Text!).Issue!;
        var difference = ParsedIssueDifference.Between(expected, actual);
        output.WriteLine($"{sample} ({(twoColumns ? "two columns" : "one column")}): {expected.Documents.Count} documents, {expected.Documents.Sum(d => d.Tasks.Count)} tasks; differences {difference}");
        Assert.Empty(difference.Documents);
        Assert.InRange(difference.TaskCount, 0, tolerance);
    }
}
