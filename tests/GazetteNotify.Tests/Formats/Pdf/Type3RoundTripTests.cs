using GazetteNotify.Formats.Pdf;
using GazetteNotify.Parsing;
using UglyToad.PdfPig;
using Xunit.Abstractions;

namespace GazetteNotify.Tests.Formats.Pdf;

/// <summary>
/// An issue printed with its CJK font embedded as Type 3 (as Chromium embeds Noto Sans CJK): the PDF's own text layer
/// holds radicals (⼈⺠ for 人民) and the reader gives back the ideographs, so the parser finds what it finds in the text.
/// </summary>
[Collection(PdfPrinting.Name)]
public sealed class Type3RoundTripTests(PdfPrinter printer, ITestOutputHelper output)
{
    [Fact]
    public async Task Issue_printed_in_a_type3_font_parses_like_its_text()
    {
        var text = Support.Samples.Text(Support.Samples.Issue2022_06);
        var html = GazetteHtml.Issue(text, twoColumns: true, fontFamily: $"'{Type3Font.Family}'", fontFaces: Type3Font.FontFace);
        var pdf = await printer.PrintAsync(html, new PrintSettings("聊城市人民政府公报"), Type3Font.Served);

        // The premise: the PDF really is Type 3 and its letters really are radicals.
        using (var document = PdfDocument.Open(pdf))
        {
            var letters = document.GetPage(3).Letters;
            Assert.Contains(letters, l => l.FontName == "Type3");
            Assert.Contains(letters, l => l.Value.Length == 1 && l.Value[0] is >= '\u2E80' and <= '\u2FDF');
        }

        var read = PdfUploadReader.Read(pdf);

        Assert.Null(read.Rejection);
        Assert.DoesNotContain(read.Text!, c => c is >= '\u2E80' and <= '\u2FDF');
        var difference = ParsedIssueDifference.Between(GazetteParser.ParseText(text).Issue!, GazetteParser.ParseText(read.Text!).Issue!);
        output.WriteLine($"Type 3: differences {difference}");
        Assert.Empty(difference.Documents);
        Assert.InRange(difference.TaskCount, 0, 1);
    }
}
