using GazetteNotify.Departments;
using GazetteNotify.Documents;
using GazetteNotify.Parsing.Model;
using GazetteNotify.Storage;

namespace GazetteNotify.Tests.Support;

/// <summary>A task several departments share, written as ingestion writes it: for the per-unit task state tests.</summary>
public static class SharedTask
{
    public const string Key = "2022-06|01|001";

    public static readonly string[] FiveLeads = ["finance", "natural-resources", "development-reform", "education-sports", "civil-affairs"];

    /// <summary>
    /// One task due 2022-06-30 whose clause names these units as lead (by their directory names) and those as support,
    /// every department with an address; written as ingestion writes it (a Tasks row and its Deadlines row).
    /// </summary>
    public static async Task SeedAsync(GazetteStorage storage, IReadOnlyList<string> lead, IReadOnlyList<string>? support = null, Func<string, string>? email = null)
    {
        await storage.EnsureCreatedAsync();
        var store = new DepartmentStore(storage);
        var directory = await store.LoadAsync();
        string Name(string id) => directory.Find(id)!.Name;
        foreach (var id in lead.Concat(support ?? [])) directory = directory.WithEmail(id, email?.Invoke(id) ?? $"{id}@lc.example.gov.cn");
        await store.SaveAsync(directory);
        List<string> leadNames = [.. lead.Select(Name)], supportNames = [.. (support ?? []).Select(Name)];
        const string excerpt = "加快推进重点项目建设，6月底前完成年度投资计划的一半。";
        await storage.Table(storage.Names.TasksTable).UpsertEntityAsync(new TaskRow
        {
            PartitionKey = "2022-06", RowKey = "01|001", DocNumber = "聊政发〔2022〕9号", Item = "1",
            Lead = leadNames, Support = supportNames, Deadlines = ["6月底前"], Excerpt = excerpt, State = TaskState.Open,
        });
        await storage.Table(storage.Names.DeadlinesTable).UpsertEntityAsync(new DeadlineRow
        {
            PartitionKey = "2022", RowKey = "2022-06-30|" + Key + "|1", IssueKey = "2022-06", DocOrdinal = "01", TaskOrdinal = "001",
            DocNumber = "聊政发〔2022〕9号", Title = "关于加快重点项目建设的通知", Item = "1", Excerpt = excerpt,
            Lead = leadNames, Support = supportNames, Phrase = "6月底前", Kind = DeadlineKind.Deadline, Date = new DateOnly(2022, 6, 30),
            Basis = "as written", SignedDate = new DateOnly(2022, 6, 1),
        });
    }

}
