using GazetteNotify.Parsing.Model;

namespace GazetteNotify.Tests.Support;

/// <summary>Assertions shared by the per-sample tests: one TOC row, and the masthead.</summary>
public static class SampleExpectations
{
    public static void TocDocument(
        string sample, int count, int index, string section, string? docNumber, string title, string? issuer, string? signedOn, int? page, string? kind)
    {
        var documents = Samples.Issue(sample).Documents;
        Assert.Equal(count, documents.Count);
        var d = documents[index];
        Assert.Equal(section, d.Section);
        Assert.Equal(docNumber, d.DocNumber);
        Assert.Equal(title, d.Title);
        Assert.Equal(issuer, d.Issuer);
        Assert.Equal(signedOn is null ? null : Samples.Date(signedOn), d.SignedDate);
        Assert.Equal(page, d.TocPage);
        Assert.Equal(kind, d.Kind);
    }

    public static void Masthead(string sample, int year, int issue, int cumulative)
    {
        var gazette = Samples.Issue(sample).Gazette;
        Assert.Equal("聊城市人民政府公报", gazette.Title);
        Assert.Equal(year, gazette.Year);
        Assert.Equal([issue], gazette.IssueNumbers);
        Assert.Equal([cumulative], gazette.CumulativeNumbers);
    }
}
