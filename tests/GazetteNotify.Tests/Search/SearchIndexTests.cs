using GazetteNotify.Search;

namespace GazetteNotify.Tests.Search;

/// <summary>
/// The index on its own (in RAM): Chinese words segmented, 发文字号 by prefix, every filter, ranking, paging, marked
/// snippets, hostile and syntax-laden input, and a rebuild that never disturbs queries.
/// </summary>
public sealed class SearchIndexTests : IDisposable
{
    private static readonly DateOnly Today = new(2024, 1, 1);
    private readonly SearchIndex _index = new(null);

    public void Dispose() => _index.Dispose();

    private static SearchDocument Doc(string key, string title, string text, string? number = null, string? issuer = "聊城市人民政府办公室",
        DateOnly? signed = null, string? kind = "通知", string[]? topics = null, DateOnly? until = null, bool repealed = false, string? summary = null) =>
        new("2022-06", key, title, number, issuer, signed ?? new DateOnly(2022, 3, 1), kind, topics ?? [], summary, until, repealed, text);

    private static readonly SearchDocument[] Archive =
    [
        Doc("01", "关于印发聊城市居住证实施办法的通知", "为推进新型城镇化，保障公民合法权益，根据《居住证暂行条例》制定本办法。居住证持有人享有下列权利。",
            "聊政办字〔2022〕22号", topics: ["public-security-justice"], signed: new DateOnly(2022, 5, 10)),
        Doc("02", "关于进一步优化营商环境的意见", "各县（市、区）人民政府：为深化放管服改革，优化营商环境，现提出如下意见。",
            "聊政发〔2019〕8号", issuer: "聊城市人民政府", kind: "意见", topics: ["general-affairs", "economy"], signed: new DateOnly(2019, 8, 2)),
        Doc("03", "关于做好减税降费工作的通知", "落实减税降费政策，减轻企业负担。本通知有效期至2020年12月31日。",
            "聊政办字〔2019〕15号", signed: new DateOnly(2019, 9, 1), until: new DateOnly(2020, 12, 31), topics: ["economy"]),
        Doc("04", "关于废止部分文件的决定", "《聊城市居住证管理暂行办法》停止执行。", "聊政发〔2018〕3号", issuer: "聊城市人民政府", kind: "决定",
            signed: new DateOnly(2018, 7, 1), repealed: true),
        Doc("05", "聊城市人民政府大事记", "<script>alert('居住证')</script> <a href=\"javascript:alert(1)\">居住证</a> 市政府召开常务会议。", null, kind: "大事记",
            signed: new DateOnly(2022, 6, 30)),
    ];

    private SearchResults Find(string? q = null, string? number = null, string? issuer = null, string? topic = null, string? year = null,
        string? kind = null, bool inForce = false, int page = 1) =>
        _index.Search(SearchQuery.From(q, number, issuer, topic, year, kind, inForce ? "1" : null, page.ToString(System.Globalization.CultureInfo.InvariantCulture)), Today);

    private static List<string> Keys(SearchResults results) => results.Hits.Select(h => h.DocKey).ToList();

    [Fact]
    public void A_word_finds_the_documents_that_hold_it_title_matches_first()
    {
        _index.Replace(Archive, "v1");

        var results = Find("居住证");

        Assert.Equal(["01", "04", "05"], Keys(results).Order());
        Assert.Equal("01", results.Hits[0].DocKey); // in the title counts most
        Assert.Equal(3, results.Total);
    }

    [Fact]
    public void Chinese_is_segmented_into_words_not_scanned_for_characters()
    {
        _index.Replace(Archive, "v1");

        Assert.Equal(["02"], Keys(Find("营商环境")));
        Assert.Equal(["02"], Keys(Find("优化 营商环境 意见")));
        // 证实 spans 居住证实施 across two words: a substring scan would match, the segmenter does not.
        Assert.Empty(Find("证实").Hits);
    }

    [Fact]
    public void A_doc_number_matches_exactly_or_by_its_beginning()
    {
        _index.Replace(Archive, "v1");

        Assert.Equal(["01"], Keys(Find(number: "聊政办字〔2022〕22号")));
        Assert.Equal(["01"], Keys(Find(number: "聊政办字[2022]22号")));
        Assert.Equal(["01", "03"], Keys(Find(number: "聊政办字")).Order());
        Assert.Equal(["03"], Keys(Find(number: "聊政办字〔2019〕")));
        Assert.Empty(Find(number: "〔2022〕22号").Hits);
    }

    [Fact]
    public void Filters_narrow_by_issuer_topic_year_genre_and_validity()
    {
        _index.Replace(Archive, "v1");

        Assert.Equal(["02", "04"], Keys(Find(issuer: "聊城市人民政府")).Order());
        Assert.Equal(["02", "03"], Keys(Find(topic: "economy")).Order());
        Assert.Equal(["02", "03"], Keys(Find(year: "2019")).Order());
        Assert.Equal(["02"], Keys(Find(kind: "意见")));
        Assert.Equal(["01", "02", "05"], Keys(Find(inForce: true)).Order()); // 03 expired in 2020, 04 repealed
        Assert.Equal(["01", "05"], Keys(Find("居住证", inForce: true)).Order());
        Assert.Equal(["03"], Keys(Find("减税", topic: "economy", year: "2019", kind: "通知")));
        Assert.Empty(Find("减税", year: "2022").Hits);
        Assert.False(Find(number: "聊政办字〔2019〕15号").Hits.Single().InForce);
        Assert.True(Find(number: "聊政办字〔2022〕22号").Hits.Single().InForce);
    }

    [Fact]
    public void A_listing_by_filters_alone_is_newest_first()
    {
        _index.Replace(Archive, "v1");

        Assert.Equal(["01", "03", "02", "04"], Keys(Find(number: "聊"))); // 05 has no number
        Assert.Equal(["05", "01"], Keys(Find(year: "2022")));
    }

    [Fact]
    public void Results_come_a_page_at_a_time()
    {
        var many = Enumerable.Range(1, 25).Select(i => Doc(i.ToString("00", System.Globalization.CultureInfo.InvariantCulture), $"关于第{i}批居住证办理的通知", "居住证", signed: new DateOnly(2022, 1, i))).ToList();
        _index.Replace(many, "v1");

        var first = Find("居住证");
        var third = Find("居住证", page: 3);
        var beyond = Find("居住证", page: 4);

        Assert.Equal(25, first.Total);
        Assert.Equal(3, first.Pages);
        Assert.Equal(SearchQuery.PageSize, first.Hits.Count);
        Assert.Equal(5, third.Hits.Count);
        Assert.Equal(3, beyond.Page); // past the last page: the last page
        Assert.Equal(Keys(third), Keys(beyond));
        Assert.Equal(25, Keys(first).Concat(Keys(Find("居住证", page: 2))).Concat(Keys(third)).Distinct().Count());
    }

    [Fact]
    public void Snippets_mark_the_words_and_carry_a_documents_markup_as_text()
    {
        _index.Replace(Archive, "v1");

        var hit = Find("居住证").Hits.Single(h => h.DocKey == "05");
        var title = Find("居住证").Hits.Single(h => h.DocKey == "01").Title;

        Assert.Contains(new SnippetPart("居住证", true), hit.Snippet);
        Assert.Contains(hit.Snippet, p => !p.Marked && p.Text.Contains("<script>", StringComparison.Ordinal));
        Assert.Equal([new SnippetPart("关于印发聊城市", false), new SnippetPart("居住证", true), new SnippetPart("实施办法的通知", false)], title);
    }

    [Fact]
    public void A_document_cannot_forge_a_mark()
    {
        _index.Replace([Doc("01", "居住证\uE000假标记\uE001", "正文\uE000居住证\uE001")], "v1");

        var hit = Find("假标记").Hits.Single();

        Assert.All(hit.Title.Concat(hit.Snippet), p => Assert.DoesNotContain('\uE000', p.Text));
        Assert.Equal([new SnippetPart("居住证", false), new SnippetPart("假标记", true)], hit.Title);
    }

    [Theory]
    [InlineData("居住证 AND title:* OR \"")]
    [InlineData("+居住证 -营商 ~2 ^4 [* TO *] {a TO b} /正则.*/ \\ && || ! ( ) : ?")]
    [InlineData("*")]
    [InlineData("。，；！")]
    [InlineData("DROP TABLE Documents; --")]
    [InlineData("🙂🙂 ∑ عربي русский 日本語の文書")]
    public void Query_syntax_and_any_script_are_only_words(string q)
    {
        _index.Replace(Archive, "v1");

        var results = Find(q);

        Assert.InRange(results.Total, 0, Archive.Length);
        if (q.StartsWith("居住证", StringComparison.Ordinal) || q.StartsWith('+')) Assert.DoesNotContain("02", Keys(results));
    }

    [Fact]
    public void A_very_long_query_is_cut_to_a_bounded_number_of_words()
    {
        _index.Replace(Archive, "v1");

        var words = SearchQueryBuilder.Words(string.Concat(Enumerable.Range(0, 200).Select(i => $"词{i} ")), SearchIndex.Analyzer);

        Assert.Equal(SearchQueryBuilder.MaxTerms, words.Count);
        Assert.Empty(Find(string.Concat(Enumerable.Repeat("居住证营商环境减税降费", 1000))).Hits);
    }

    [Fact]
    public void Nothing_asked_searches_nothing_and_an_unbuilt_index_answers_empty()
    {
        Assert.Equal(0, Find("居住证").Total);
        _index.Replace(Archive, "v1");
        Assert.Equal(0, Find().Total);
    }

    [Fact]
    public async Task A_rebuild_swaps_in_the_new_index_while_queries_go_on()
    {
        _index.Replace(Archive, "v1");
        var stop = false;
        var failures = 0;
        var seen = new System.Collections.Concurrent.ConcurrentBag<int>();
        var readers = Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
        {
            while (!Volatile.Read(ref stop))
            {
                try
                {
                    seen.Add(Find("居住证").Total);
                }
                catch (Exception)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        })).ToList();

        for (var round = 0; round < 10; round++) _index.Replace(round % 2 == 0 ? Archive[..2] : Archive, "v" + round);
        Volatile.Write(ref stop, true);
        await Task.WhenAll(readers).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(0, failures);
        Assert.All(seen, total => Assert.True(total is 1 or 3, $"{total} hits")); // always one whole index, never a half-built one
        Assert.Equal("v9", _index.BuiltFrom);
        Assert.Equal(3, Find("居住证").Total);
    }

    [Fact]
    public void A_rebuild_on_disk_removes_the_old_generation_once_unused()
    {
        var root = Directory.CreateTempSubdirectory("gazette-search-test-").FullName;
        try
        {
            using var index = new SearchIndex(root);
            index.Replace(Archive, "v1");
            index.Replace(Archive[..1], "v2");

            Assert.Single(Directory.GetDirectories(root));
            Assert.Equal(1, index.Search(SearchQuery.From("居住证", null, null, null, null, null, null, null), Today).Total);
            Assert.Equal(["聊城市人民政府办公室"], index.Choices.Issuers);
            index.Dispose();
            Assert.False(Directory.Exists(root)); // the last generation and its folder go with the index
        }
        finally
        {
            if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
        }
    }
}
