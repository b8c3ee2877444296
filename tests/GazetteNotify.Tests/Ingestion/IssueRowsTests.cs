using GazetteNotify.Documents;
using GazetteNotify.DueDates;
using GazetteNotify.Parsing.Model;
using GazetteNotify.Storage;
using GazetteNotify.Tests.Support;
using Microsoft.Extensions.Configuration;

namespace GazetteNotify.Tests.Ingestion;

/// <summary>The pure mapping from a parsed issue to rows and keys, without storage.</summary>
public class IssueRowsTests
{
    private static readonly DateTimeOffset Now = new(2022, 7, 1, 0, 0, 0, TimeSpan.Zero);

    private static IssueRows Rows2022_06() =>
        IssueRows.Build("2022-06", Samples.Issue(Samples.Issue2022_06), new Upload("a.txt", new string('a', 64), "UTF-8"), Now);

    [Theory]
    [InlineData(2022, new[] { 6 }, "2022-06")]
    [InlineData(2024, new[] { 9, 10 }, "2024-09-10")]
    [InlineData(2019, new[] { 12 }, "2019-12")]
    public void Issue_keys_are_year_and_numbers(int year, int[] numbers, string key) =>
        Assert.Equal(key, IssueKey.From(new GazetteMasthead("x", year, numbers, [])));

    [Fact]
    public void A_cover_without_numbers_has_no_key() => Assert.Null(IssueKey.From(new GazetteMasthead("x", 2022, [], [])));

    [Fact]
    public void Documents_and_tasks_are_keyed_by_ordinal_within_the_issue()
    {
        var rows = Rows2022_06();
        Assert.Equal(["01", "02", "03", "04", "05", "06", "07"], rows.Documents.Select(d => d.RowKey));
        Assert.All(rows.Documents, d => Assert.Equal("2022-06", d.PartitionKey));
        Assert.Equal("01|001", rows.Tasks[0].RowKey);
        Assert.Equal("[\"市财政局\",\"市税务局\"]", rows.Tasks[0].LeadJson); // UTF-8 JSON, no \u escapes
        Assert.Equal("open", rows.Tasks[0].StateName);
        Assert.Equal(48, rows.RowCount);
    }

    [Fact]
    public void Deadlines_are_keyed_by_due_year_and_date_and_undated_ones_wait_apart()
    {
        var rows = Rows2022_06();
        var bond = Assert.Single(rows.Deadlines, d => d.Phrase == "6月底前" && d.Item == "2");
        Assert.Equal("2022", bond.PartitionKey);
        Assert.Equal("2022-06-30|2022-06|01|002|3", bond.RowKey);
        Assert.Equal("deadline", bond.KindName);
        Assert.All(rows.Deadlines.Where(d => d.DateText is null), d => Assert.Equal("undated", d.PartitionKey));
        Assert.Contains(rows.Deadlines, d => d.KindName == "relative" && d.PartitionKey == "undated");
        Assert.Equal(rows.Deadlines.Count, rows.Deadlines.Select(d => (d.PartitionKey, d.RowKey)).Distinct().Count());
    }

    [Fact]
    public void A_repeating_limit_keeps_the_parsers_rule_on_its_row_for_the_reminders()
    {
        var rows = IssueRows.Build("2018-07", Samples.Issue(Samples.Issue2018_07), new Upload("a.txt", new string('a', 64), "UTF-8"), Now);
        var yearly = Assert.Single(rows.Deadlines, d => d.Phrase == "每年7月底前");
        Assert.Equal("recurring", yearly.PartitionKey);
        Assert.Equal(("yearly", 7, (int?)null), (yearly.RecurrencePeriodName, yearly.RecurrenceMonth, yearly.RecurrenceDay));
        var states = new Dictionary<string, GazetteNotify.Reminders.TaskProgress>();
        Assert.Equal(new RecurrenceRule(RecurrencePeriod.Yearly, 7, null), GazetteNotify.Reminders.DeadlineSource.From(yearly, states).Recurrence);

        // A row written before the rule was stored: no rule is guessed from its phrase; its issue is to be ingested again.
        var older = new DeadlineRow
        {
            PartitionKey = yearly.PartitionKey, RowKey = yearly.RowKey, Phrase = yearly.Phrase, KindName = yearly.KindName,
            IssueKey = yearly.IssueKey, DocOrdinal = yearly.DocOrdinal, TaskOrdinal = yearly.TaskOrdinal, LeadJson = yearly.LeadJson,
        };
        Assert.Null(GazetteNotify.Reminders.DeadlineSource.From(older, states).Recurrence);
        Assert.All(rows.Deadlines.Where(d => d.PartitionKey != "recurring"), d => Assert.Null(d.RecurrencePeriodName));
    }

    [Fact]
    public void An_ongoing_field_is_shown_with_the_tasks_limits_and_sets_no_reminder()
    {
        // 霍山县 2025: 完成时限 全年 — the admin sees it beside the task; no deadline row, so no reminder is due.
        var text = string.Join('\n', "2025年开发区重点工作及责任清单", "序号", "重点工作", "责任单位", "完成时限",
            "1", "落实重点项目“项目管家”制度，全力服务重大项目落地见效。", "招商工作部", "全年");
        var issue = GazetteNotify.Parsing.GazetteParser.ParseText(text).Issue!;

        var rows = IssueRows.Build("2025-doc", issue, new Upload("a.txt", new string('a', 64), "UTF-8"), Now);

        var task = Assert.Single(rows.Tasks);
        Assert.Equal(["全年"], JsonColumn.Read(task.DeadlinesJson));
        Assert.Empty(rows.Deadlines);
    }

    [Fact]
    public void The_issue_row_counts_what_was_written()
    {
        var row = Rows2022_06().Issue;
        Assert.Equal(("issues", "2022-06"), (row.PartitionKey, row.RowKey));
        Assert.Equal("ingested", row.StatusName);
        Assert.Equal(7, row.Documents);
        Assert.Equal(29, row.Tasks);
        Assert.Equal("6", row.IssueNumbers);
    }

    [Fact]
    public void Warnings_too_long_for_a_property_point_to_the_issue_json()
    {
        var issue = Samples.Issue(Samples.Issue2022_06);
        var noisy = issue with { Warnings = Enumerable.Range(0, 2000).Select(i => $"第{i}条警告：无法定位的片段").ToList() };
        var row = IssueRows.Build("2022-06", noisy, new Upload("a.txt", new string('a', 64), "UTF-8"), Now).Issue;
        Assert.Null(row.WarningsJson);
        Assert.Equal("2022-06/issue.json", row.WarningsBlob);
        Assert.Equal(2000, row.WarningCount);
    }

    [Fact]
    public void Partitions_covering_a_window_span_its_years() =>
        Assert.Equal(["2022", "2023"], DeadlinePartition.Covering(new DateOnly(2022, 12, 1), new DateOnly(2023, 1, 31)));

    [Theory]
    [InlineData(null, null, "UseDevelopmentStorage=true", null)]
    [InlineData("DefaultEndpointsProtocol=https;AccountName=x", null, "DefaultEndpointsProtocol=https;AccountName=x", null)]
    [InlineData(null, "gazettestore", null, "gazettestore")]
    public void Storage_settings_come_from_configuration(string? connection, string? account, string? expectedConnection, string? expectedAccount)
    {
        var values = new Dictionary<string, string?>();
        if (connection is not null) values["GazetteStorage"] = connection;
        if (account is not null) values["GazetteStorage:accountName"] = account;
        var settings = StorageSettings.From(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
        Assert.Equal(expectedConnection, settings.ConnectionString);
        Assert.Equal(expectedAccount, settings.AccountName);
    }
}
