using GazetteNotify.Parsing;
using GazetteNotify.Parsing.Model;
using GazetteNotify.Tests.Support;
using System.Text.Json.Nodes;
using NJsonSchema;

namespace GazetteNotify.Tests.Parsing;

/// <summary>The JSON of every parsed issue validates against the contract other tools rely on.</summary>
public class ContractTests
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromJsonAsync(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "contracts", "gazette-issue.schema.json"))).GetAwaiter().GetResult());

    public static TheoryData<string> Issues() => new(Samples.All);

    /// <summary>What the contract finds wrong in <paramref name="json"/>, as path: kind lines.</summary>
    internal static IEnumerable<string> Validate(string json) => Schema.Value.Validate(json).Select(e => $"{e.Path}: {e.Kind}");

    [Theory]
    [MemberData(nameof(Issues))]
    public void Sample_json_validates_against_the_contract(string sample)
    {
        var errors = Schema.Value.Validate(GazetteJson.Serialize(Samples.Issue(sample)));
        Assert.Empty(errors.Select(e => $"{e.Path}: {e.Kind}"));
    }

    [Fact]
    public void The_other_city_fixture_validates_too()
    {
        var issue = GazetteParser.Parse(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "other-city-2024-09-10.md"))).Issue!;
        Assert.Empty(Schema.Value.Validate(GazetteJson.Serialize(issue)).Select(e => $"{e.Path}: {e.Kind}"));
    }

    [Fact]
    public void The_validator_catches_a_broken_document()
    {
        // Guards the guard: a document without its required fields must fail validation.
        var json = """{"gazette":{"title":"x","year":2022,"issueNumbers":[1],"cumulativeNumbers":[]},"documents":[{"title":"x"}],"warnings":[]}""";
        Assert.NotEmpty(Schema.Value.Validate(json));
        var badKind = GazetteJson.Serialize(Samples.Issue(Samples.Issue2022_06)).Replace("\"kind\": \"relative\"", "\"kind\": \"someday\"");
        Assert.NotEmpty(Schema.Value.Validate(badKind));
    }

    [Fact]
    public void Absent_values_are_written_as_null_or_empty_lists_never_omitted()
    {
        var json = GazetteJson.Serialize(Samples.Issue(Samples.Issue2022_06));
        Assert.Contains("\"docNumber\": null", json);     // the 大事记
        Assert.Contains("\"signedDate\": null", json);
        Assert.Contains("\"topics\": []", json);
        Assert.Contains("\"effective\": null", json);
    }

    [Fact]
    public void A_limit_states_its_span_anchor_and_rule_camel_cased_and_null_where_they_do_not_apply()
    {
        var json = GazetteJson.Serialize(Samples.Issue(Samples.Issue2018_07));
        var limits = JsonNode.Parse(json)!["documents"]!.AsArray().SelectMany(d => d!["deadlines"]!.AsArray()).Select(d => d!.AsObject()).ToList();

        var yearly = limits.First(d => (string?)d["text"] == "每年7月底前");
        Assert.Equal("""{"period":"yearly","month":7,"day":null,"lastDay":true}""", yearly["recurrence"]!.ToJsonString());
        Assert.True(yearly.ContainsKey("span") && yearly["span"] is null && yearly.ContainsKey("anchor") && yearly["anchor"] is null);

        var relative = limits.First(d => (string?)d["text"] == "1个工作日内");
        Assert.Equal("""{"count":1,"unit":"workingDay"}""", relative["span"]!.ToJsonString());
        Assert.Equal("event", (string?)relative["anchor"]!["kind"]);
        Assert.True(relative.ContainsKey("recurrence") && relative["recurrence"] is null);

        var dated = limits.First(d => (string?)d["kind"] == "deadline");
        foreach (var name in (string[])["span", "anchor", "recurrence"]) Assert.True(dated.ContainsKey(name) && dated[name] is null, name);

        // The contract knows the new values: one it does not know fails validation.
        Assert.Empty(Validate(json));
        Assert.NotEmpty(Validate(json.Replace("\"unit\": \"workingDay\"", "\"unit\": \"fortnight\"", StringComparison.Ordinal)));
        Assert.NotEmpty(Validate(json.Replace("\"period\": \"yearly\"", "\"period\": \"weekly\"", StringComparison.Ordinal)));
    }

    [Fact]
    public void The_repo_copy_of_the_contract_only_adds_to_the_shared_one_when_present()
    {
        var shared = FindShared();
        if (shared is null) return; // a clone without ../shared: the repo copy is the contract
        var ours = Path.Combine(AppContext.BaseDirectory, "contracts", "gazette-issue.schema.json");
        Assert.Empty(ContractDrift.Removals(JsonNode.Parse(File.ReadAllText(shared))!, JsonNode.Parse(File.ReadAllText(ours))!));
    }

    [Fact]
    public void The_drift_check_allows_a_new_property_and_catches_a_dropped_or_changed_one()
    {
        // Guards the guard, on the shared contract's own shape.
        var shared = JsonNode.Parse("""{"properties":{"kind":{"enum":["deadline","target"]},"text":{"type":"string"}},"required":["text"]}""")!;
        var added = JsonNode.Parse("""{"properties":{"kind":{"enum":["deadline","target"]},"text":{"type":"string"},"ongoing":{"type":"array"}},"required":["text"]}""")!;
        var dropped = JsonNode.Parse("""{"properties":{"kind":{"enum":["deadline","target"]}},"required":["text"]}""")!;
        var widened = JsonNode.Parse("""{"properties":{"kind":{"enum":["deadline","target","ongoing"]},"text":{"type":"string"}},"required":["text"]}""")!;
        var retyped = JsonNode.Parse("""{"properties":{"kind":{"enum":["deadline","target"]},"text":{"type":["string","null"]}},"required":["text"]}""")!;

        Assert.Empty(ContractDrift.Removals(shared, added));
        Assert.Equal(["$.properties.text: missing"], ContractDrift.Removals(shared, dropped));
        Assert.Equal(["$.properties.kind.enum: changed"], ContractDrift.Removals(shared, widened));
        Assert.Equal(["$.properties.text.type: changed"], ContractDrift.Removals(shared, retyped));
    }

    private static string? FindShared()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "contracts", "gazette-issue.schema.json");
            if (File.Exists(candidate)) return candidate;
        }

        return null;
    }
}
