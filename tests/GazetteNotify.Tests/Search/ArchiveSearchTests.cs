using Azure.Core;
using Azure.Core.Pipeline;
using GazetteNotify.Search;
using GazetteNotify.Web;
using GazetteNotify.Storage;
using GazetteNotify.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace GazetteNotify.Tests.Search;

/// <summary>
/// The archive search over what ingestion stored (Azurite): every sample document is found by a word of its title and
/// by its 发文字号, and an ingest after the index was built reaches it on the next check, while the old index served.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class ArchiveSearchTests : IDisposable
{
    private readonly GazetteStorage _storage = AzuriteFixture.NewStorage();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2024, 7, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly SearchIndex _index = new(null);

    public void Dispose() => _index.Dispose();

    private ArchiveSearch Search() => new(new ArchiveSource(_storage), _index, _clock);

    /// <summary>A word of the title as the analyzer segments it: the longest, the one a reader would most likely type.</summary>
    private static string TitleWord(string title) =>
        SearchQueryBuilder.Words(title, SearchIndex.Analyzer).OrderByDescending(w => w.Length).First();

    /// <summary>Every page of results, until the document turns up (a common word may rank it below the first page).</summary>
    private static async Task<bool> FindsAsync(ArchiveSearch search, Func<int, SearchQuery> query, string issueKey, string docKey)
    {
        for (var page = 1; page <= SearchQuery.MaxPage; page++)
        {
            var results = await search.SearchAsync(query(page));
            if (results.Hits.Any(h => h.IssueKey == issueKey && h.DocKey == docKey)) return true;
            if (page >= results.Pages) return false;
        }

        return false;
    }

    [Fact]
    public async Task Every_sample_document_is_found_by_a_word_of_its_title_and_by_its_doc_number()
    {
        foreach (var sample in Samples.All) await Scenario.IngestAsync(_storage, _clock, sample);
        var search = Search();
        var checkedNumbers = 0;
        var checkedTitles = 0;

        foreach (var sample in Samples.All)
        {
            var issue = Samples.Issue(sample);
            var issueKey = GazetteNotify.Documents.IssueKey.From(issue.Gazette!)!;
            for (var i = 0; i < issue.Documents.Count; i++)
            {
                var d = issue.Documents[i];
                var docKey = (i + 1).ToString("00", System.Globalization.CultureInfo.InvariantCulture);
                var word = TitleWord(d.Title);
                Assert.True(await FindsAsync(search, p => SearchQuery.From(word, null, null, null, null, null, null, p.ToString(System.Globalization.CultureInfo.InvariantCulture)), issueKey, docKey),
                    $"{issueKey}/{docKey} {d.Title} not found by 「{word}」");
                checkedTitles++;
                if (d.DocNumber is not { Length: > 0 } number) continue;
                var byNumber = await search.SearchAsync(SearchQuery.From(null, number, null, null, null, null, null, null));
                Assert.Contains(byNumber.Hits, h => h.IssueKey == issueKey && h.DocKey == docKey && h.DocNumber == number);
                checkedNumbers++;
            }
        }

        Assert.True(checkedTitles >= 20, $"{checkedTitles} documents");
        Assert.True(checkedNumbers >= 10, $"{checkedNumbers} numbers");
    }

    [Fact]
    public async Task A_word_of_the_body_finds_the_document_with_its_words_marked()
    {
        await Scenario.IngestAsync(_storage, _clock, Samples.Issue2022_06);

        var results = await Search().SearchAsync(SearchQuery.From("居住证", null, null, null, null, null, null, null));

        var hit = results.Hits[0];
        Assert.Equal("聊政办字〔2022〕22号", hit.DocNumber);
        Assert.Contains(hit.Title, p => p.Marked && p.Text == "居住证");
        Assert.Contains(hit.Snippet, p => p.Marked && p.Text == "居住证");
        Assert.Equal("聊城市人民政府办公室", hit.Issuer);
    }

    [Fact]
    public async Task An_ingest_after_the_index_was_built_is_indexed_on_the_next_check()
    {
        await Scenario.IngestAsync(_storage, _clock, Samples.Issue2022_06);
        var search = Search();
        var word = TitleWord(Samples.Issue(Samples.Issue2019_08).Documents[0].Title);
        var number = Samples.Issue(Samples.Issue2019_08).Documents.First(d => d.DocNumber is not null).DocNumber;
        Assert.Empty((await search.SearchAsync(SearchQuery.From(null, number, null, null, null, null, null, null))).Hits);

        await Scenario.IngestAsync(_storage, _clock, Samples.Issue2019_08);
        // Until the check, the index built before answers as it did.
        Assert.Empty((await search.SearchAsync(SearchQuery.From(null, number, null, null, null, null, null, null))).Hits);
        Assert.True(await search.RefreshAsync());
        Assert.False(await search.RefreshAsync()); // nothing changed since: no rebuild

        Assert.NotEmpty((await search.SearchAsync(SearchQuery.From(null, number, null, null, null, null, null, null))).Hits);
        Assert.Contains((await search.SearchAsync(SearchQuery.From(word, null, null, null, null, null, null, null))).Hits, h => h.IssueKey == "2019-08");
    }

    [Fact]
    public async Task A_query_after_the_interval_starts_a_background_rebuild_and_is_answered_at_once()
    {
        await Scenario.IngestAsync(_storage, _clock, Samples.Issue2022_06);
        var search = Search();
        var number = Samples.Issue(Samples.Issue2019_08).Documents.First(d => d.DocNumber is not null).DocNumber;
        var query = SearchQuery.From(null, number, null, null, null, null, null, null);
        Assert.Empty((await search.SearchAsync(query)).Hits);
        await Scenario.IngestAsync(_storage, _clock, Samples.Issue2019_08);

        _clock.Advance(ArchiveSearch.CheckEvery + TimeSpan.FromSeconds(1));
        Assert.Empty((await search.SearchAsync(query)).Hits); // answered from the current index; the check runs behind it

        var deadline = DateTime.UtcNow.AddSeconds(60);
        while ((await search.SearchAsync(query)).Hits.Count == 0 && DateTime.UtcNow < deadline) await Task.Delay(100);
        Assert.NotEmpty((await search.SearchAsync(query)).Hits);
    }

    [Fact]
    public async Task While_the_first_build_runs_long_a_query_is_told_to_come_back_and_the_build_goes_on()
    {
        await Scenario.IngestAsync(_storage, _clock, Samples.Issue2022_06);
        var gate = new Gate();
        var slow = new GazetteStorage(StorageSettings.Development, _storage.Names, new StorageClientTuning(3, TimeSpan.FromSeconds(30), gate));
        using var index = new SearchIndex(null);
        using var search = new ArchiveSearch(new ArchiveSource(slow), index, _clock);
        var handlers = new SearchHandlers(search, GazetteNotify.Site.SiteSettings.Local);

        var waiting = handlers.PageAsync(SearchQuery.From("居住证", null, null, null, null, null, null, null));
        await gate.Reached.Task.WaitAsync(TimeSpan.FromSeconds(30)); // the build is reading storage, held at the gate
        _clock.Advance(ArchiveSearch.FirstBuildWait + TimeSpan.FromSeconds(1));
        var page = await waiting.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(503, page.Status);
        Assert.Equal("60", page.Headers["Retry-After"]);
        Assert.Contains("检索正在准备中", page.Html);
        Assert.False(index.IsBuilt);

        gate.Open.SetResult();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!index.IsBuilt && DateTime.UtcNow < deadline) await Task.Delay(50);
        var found = await handlers.PageAsync(SearchQuery.From("居住证", null, null, null, null, null, null, null));
        Assert.Equal(200, found.Status);
        Assert.Contains("<mark>居住证</mark>", found.Html);
    }

    /// <summary>Holds every storage request until opened, and says when the first one arrived.</summary>
    private sealed class Gate : HttpPipelinePolicy
    {
        public TaskCompletionSource Reached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Open { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            Reached.TrySetResult();
            Open.Task.GetAwaiter().GetResult();
            ProcessNext(message, pipeline);
        }

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            Reached.TrySetResult();
            await Open.Task;
            await ProcessNextAsync(message, pipeline);
        }
    }
}
