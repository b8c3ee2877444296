using System.Text.Json;
using GazetteNotify.Departments;
using GazetteNotify.Tests.Support;

namespace GazetteNotify.Tests.Departments;

/// <summary>
/// The Liaocheng department directory: every unit the three sample issues name resolves, old names reach today's
/// successor, and nothing is guessed — a unit that is not known exactly (or by a rule that lands on one known name)
/// stays unmapped.
/// </summary>
public class DepartmentDirectoryTests
{
    /// <summary>The units the parser reads from the responsibility clauses of the three sample issues.</summary>
    public static readonly IReadOnlyDictionary<string, string> SampleUnits = new Dictionary<string, string>
    {
        ["2018"] = "临清市政府办公室|人民银行聊城市中心支行|各县(市、区)政府|各县（市、区）政府|各县（市、区）政府办公室|市中医药工作联席会议成员单位|市交通运输局|市人力资源和社会保障局|市人社局|市住建局|市住房公积金管理中心|市体育局|市信息化服务中心|市公共资源交易中心|市公安局|市公路局|市农委|市化工专项行动办公室|市卫计委|市发改委|市商务局|市国土局|市国资委|市城管局|市外侨办|市委农工办|市委宣传部|市安监局|市属开发区管委会|市属开发区管委会办公室|市工商局|市扶贫办|市政务服务中心管理办公室|市政府办公室|市政府应急办|市政府新闻办|市教育局|市文广新局|市旅发委|市林业局|市档案局|市残联|市民政局|市水利局|市物价局|市环保局|市直各部门|市知识产权局|市科技局|市税务局|市经信委|市统计局|市编办|市网信办|市财政局|市质监局|市金融办|市长公开电话受理中心|市食品药品监督管理局|市食药监局",
        ["2019"] = "东昌府区人民政府|中国人民银行聊城市中心支行|中国电信聊城分公司|中国移动聊城分公司|中国联通聊城市分公司|中国铁塔聊城市分公司|人民银行聊城市中心支行|各县(市、区)人民政府|各县（市、区）人民政府|各县（市、区）政府|各市自然资源和规划局|国网聊城供电公司|山东广电网络聊城分公司|山东广电网聊城市分公司|市交通运输局|市人力资源社会保障局|市人民银行聊城市中心支行|市住建局|市住房公积金管理中心|市住房和城乡建设局|市住房城乡建设局|市公安局|市农业农村局|市医疗保障局|市卫生健康委|市发展改革委|市司法局|市商务和投资促进局|市商务投资促进局|市地方金融监管局|市城管局|市大数据局|市大数据管理局|市委宣传部|市委政法委|市委编办|市委网信办|市属开发区管委会|市工业和信息化局|市市场监管局|市市长公开电话受理中心|市应急局|市应急管理局|市政府办公室|市教育体育局|市文化和旅游局|市残疾人联合会|市民政局|市气象局|市水利局|市水文局|市消防救援支队|市生态环境局|市直有关部门|市科技局|市自然资源和规划局|市行政审批局|市财政局|市邮政管理局|营商环境评价各指标牵头部门|试点县（市、区）政府",
        ["2022"] = "东昌府区人民政府|人行聊城市中心支行|国网聊城供电公司|市交通运输局|市人力资源社会保障局|市住房公积金管理中心|市住房城乡建设局|市供销社|市公安局|市农业农村局|市卫生健康委|市发展改革委|市商务投资促进局|市国资委|市地方金融监管局|市城管局|市外办|市大数据局|市工业和信息化局|市市场监管局|市应急局|市政府有关部门|市教育体育局|市文化和旅游局|市旅发集团|市民政局|市水利局|市生态环境局|市科技局|市税务局|市自然资源和规划局|市行政审批局|市财政局|市退役军人局|聊城海关|聊城银保监分局",
    };

    private static readonly string[] CountyGovernments =
        ["东昌府区人民政府", "茌平区人民政府", "临清市人民政府", "阳谷县人民政府", "莘县人民政府", "东阿县人民政府", "冠县人民政府", "高唐县人民政府"];

    private static readonly string[] DevelopmentZones = ["聊城高新技术产业开发区管委会", "聊城经济技术开发区管委会", "江北水城旅游度假区管委会"];

    private static DepartmentDirectory Directory => DepartmentDirectory.Default;

    private static string IdOf(string unit)
    {
        var resolution = Directory.Resolve(unit);
        Assert.True(resolution.Kind == ResolutionKind.Department, $"{unit} → {resolution.Kind} ({resolution.How})");
        return Assert.Single(resolution.Departments).Id;
    }

    [Fact]
    public void Every_unit_named_in_the_sample_issues_resolves()
    {
        var failures = SampleUnits
            .SelectMany(year => year.Value.Split('|').Select(unit => (Year: year.Key, Unit: unit)))
            .Select(x => (x.Year, Resolution: Directory.Resolve(x.Unit)))
            .Where(x => x.Resolution.Kind == ResolutionKind.Unmapped)
            .Select(x => $"{x.Year} {x.Resolution.Unit}: {x.Resolution.How}")
            .ToList();

        Assert.True(failures.Count == 0, "Unmapped:\n" + string.Join("\n", failures));
    }

    [Fact]
    public void Every_unit_the_parser_reads_from_the_samples_resolves()
    {
        var failures = Samples.All
            .SelectMany(sample => Samples.Issue(sample).Documents.SelectMany(d => d.Tasks).SelectMany(t => t.Lead.Concat(t.Support)))
            .Distinct()
            .Select(Directory.Resolve)
            .Where(r => r.Kind == ResolutionKind.Unmapped)
            .Select(r => $"{r.Unit}: {r.How}")
            .ToList();

        Assert.True(failures.Count == 0, "Unmapped:\n" + string.Join("\n", failures));
    }

    [Fact]
    public void Units_that_name_one_body_resolve_to_a_department_with_somewhere_to_send()
    {
        var collective = Directory.NotRecipients.ToHashSet();
        foreach (var unit in SampleUnits.Values.SelectMany(v => v.Split('|')))
        {
            var resolution = Directory.Resolve(unit);
            if (resolution.Kind is ResolutionKind.Department or ResolutionKind.Group) Assert.NotEmpty(resolution.Departments);
            else Assert.True(resolution.Kind == ResolutionKind.NotRecipient && collective.Contains(unit), $"{unit} → {resolution.Kind}");
        }
    }

    [Theory]
    [InlineData("市发改委", "市发展改革委", "市发展和改革委员会")]
    [InlineData("市住建局", "市住房城乡建设局", "市住房和城乡建设局")]
    [InlineData("人行聊城市中心支行", "人民银行聊城市中心支行", "中国人民银行聊城市中心支行")]
    [InlineData("市人社局", "市人力资源社会保障局", "市人力资源和社会保障局")]
    [InlineData("市大数据局", "市大数据管理局", "聊城市大数据局")]
    [InlineData("市商务投资促进局", "市商务和投资促进局", "市商务局")]
    [InlineData("山东广电网络聊城分公司", "山东广电网聊城市分公司", "山东广电网络有限公司聊城分公司")]
    public void Variants_of_one_name_are_the_same_department(string a, string b, string c)
    {
        Assert.Equal(IdOf(a), IdOf(b));
        Assert.Equal(IdOf(a), IdOf(c));
    }

    [Theory]
    [InlineData("市卫计委", "市卫生健康委")]
    [InlineData("市发改委", "市发展改革委")]
    [InlineData("市国土局", "市自然资源和规划局")]
    [InlineData("市环保局", "市生态环境局")]
    [InlineData("市农委", "市农业农村局")]
    [InlineData("市工商局", "市市场监管局")]
    [InlineData("市质监局", "市市场监管局")]
    [InlineData("市食药监局", "市市场监管局")]
    [InlineData("市食品药品监督管理局", "市市场监管局")]
    [InlineData("市安监局", "市应急局")]
    [InlineData("市经信委", "市工业和信息化局")]
    [InlineData("市文广新局", "市文化和旅游局")]
    [InlineData("市旅发委", "市文化和旅游局")]
    [InlineData("市教育局", "市教育体育局")]
    [InlineData("市体育局", "市教育体育局")]
    [InlineData("市商务局", "市商务投资促进局")]
    [InlineData("市金融办", "市地方金融监管局")]
    [InlineData("市政务服务中心管理办公室", "市行政审批局")]
    [InlineData("市外侨办", "市外办")]
    [InlineData("聊城银保监分局", "国家金融监督管理总局聊城监管分局")]
    public void An_old_name_reaches_todays_successor(string old, string successor)
    {
        var resolution = Directory.Resolve(old);
        Assert.Equal(ResolutionKind.Department, resolution.Kind);
        Assert.Equal(successor, Assert.Single(resolution.Departments).Name);
    }

    [Theory]
    [InlineData("各县（市、区）人民政府")]
    [InlineData("各县（市、区）政府")]
    [InlineData("各县(市、区)政府")]
    [InlineData("各县(市、区)人民政府")]
    [InlineData("各县市区政府")]
    [InlineData("各县（市、区）政府办公室")]
    public void The_county_group_expands_to_exactly_the_eight_county_level_governments(string unit)
    {
        var resolution = Directory.Resolve(unit);

        Assert.Equal(ResolutionKind.Group, resolution.Kind);
        Assert.Contains("各县（市、区）人民政府", resolution.How, StringComparison.Ordinal);
        Assert.Equal(CountyGovernments.Order(), resolution.Departments.Select(d => d.Name).Order());
    }

    [Fact]
    public void The_development_zone_group_expands_to_the_three_zones()
    {
        var resolution = Directory.Resolve("市属开发区管委会");

        Assert.Equal(ResolutionKind.Group, resolution.Kind);
        Assert.Equal(DevelopmentZones.Order(), resolution.Departments.Select(d => d.Name).Order());
        Assert.Equal(resolution.Departments, Directory.Resolve("市属开发区管委会办公室").Departments);
    }

    [Fact]
    public void Every_group_member_is_itself_a_department()
    {
        foreach (var group in Directory.Groups)
        foreach (var member in group.Members)
            Assert.NotNull(Directory.Find(member));
        foreach (var government in CountyGovernments)
            Assert.Equal(ResolutionKind.Department, Directory.Resolve(government).Kind);
    }

    [Theory]
    [InlineData("市政府有关部门")]
    [InlineData("市直有关部门")]
    [InlineData("市直各部门")]
    [InlineData("各有关部门")]
    [InlineData("有关单位")]
    [InlineData("营商环境评价各指标牵头部门")]
    [InlineData("试点县（市、区）政府")]
    [InlineData("试点县(市、区)政府")]
    [InlineData("市中医药工作联席会议成员单位")]
    public void Collective_phrases_are_reported_as_not_recipients(string unit)
    {
        var resolution = Directory.Resolve(unit);

        Assert.Equal(ResolutionKind.NotRecipient, resolution.Kind);
        Assert.Empty(resolution.Departments);
        Assert.Equal("not a recipient", resolution.How);
    }

    [Theory]
    [InlineData("市宇宙开发局")]
    [InlineData("市财务局")]     // one character from 市财政局: no fuzzy matching
    [InlineData("市财政厅")]
    [InlineData("省财政厅")]
    [InlineData("市政府")]
    [InlineData("")]
    [InlineData("   ")]
    public void Unknown_and_near_miss_units_are_unmapped(string unit)
    {
        var resolution = Directory.Resolve(unit);

        Assert.Equal(ResolutionKind.Unmapped, resolution.Kind);
        Assert.Empty(resolution.Departments);
        Assert.StartsWith("unmapped", resolution.How, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("聊城市人社局", "human-resources")]
    [InlineData("聊城市住建局", "housing")]
    [InlineData("财政局", "finance")]
    [InlineData("市场监管局", "market-regulation")]
    [InlineData("市人民银行聊城市中心支行", "pboc")]
    public void The_city_prefix_is_added_or_removed(string unit, string id)
    {
        var resolution = Directory.Resolve(unit);

        Assert.Equal(id, Assert.Single(resolution.Departments).Id);
        Assert.StartsWith("normalised (", resolution.How, StringComparison.Ordinal);
        Assert.Contains("市", resolution.How, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("临清市政府", "linqing")]
    [InlineData("临清市政府办公室", "linqing")]
    [InlineData("临清市人民政府办公室", "linqing")]
    [InlineData("东昌府区政府", "dongchangfu")]
    [InlineData("茌平县政府", "chiping")]
    public void A_county_level_government_is_named_with_or_without_人民_or_by_its_office(string unit, string id)
    {
        var resolution = Directory.Resolve(unit);

        Assert.Equal(ResolutionKind.Department, resolution.Kind);
        Assert.Equal(id, Assert.Single(resolution.Departments).Id);
        Assert.StartsWith("normalised (", resolution.How, StringComparison.Ordinal);
    }

    [Fact]
    public void The_government_rules_do_not_reach_beyond_county_level_governments()
    {
        // 市政府 is the city's government, which is no department; its office is, by name only.
        Assert.Equal(ResolutionKind.Unmapped, Directory.Resolve("市人民政府").Kind);
        Assert.Equal("general-office", IdOf("市政府办公室"));
        Assert.Equal("general-office", IdOf("聊城市政府办公室"));
    }

    [Theory]
    [InlineData("市卫生健康委员会", "health")]
    [InlineData("聊城市卫生和计划生育委员会", "health")]
    [InlineData("市国资委员会", "state-assets")]
    [InlineData("市商务与投资促进局", "commerce")]
    public void 委员会_和_and_与_rules_must_still_land_on_a_known_name(string unit, string id) =>
        Assert.Equal(id, IdOf(unit));

    [Fact]
    public void Half_width_parentheses_and_whitespace_are_cleaned_up()
    {
        Assert.Equal(ResolutionKind.Group, Directory.Resolve(" 各县 (市、区) 政府 ").Kind);
        Assert.Equal("finance", IdOf("市 财政局"));
        Assert.Equal("finance", IdOf("市\u3000财政局"));
    }

    [Fact]
    public void A_parenthesised_alternate_name_resolves_when_its_parts_agree()
    {
        var both = Directory.Resolve("市委宣传部（市新闻出版局）");
        Assert.Equal("propaganda", Assert.Single(both.Departments).Id);
        Assert.StartsWith("parenthesised part", both.How, StringComparison.Ordinal);

        // Only one part known: that one.
        Assert.Equal("education-sports", IdOf("市教育局(市委教育工委)"));

        // Parts naming two bodies: not guessed.
        var conflict = Directory.Resolve("市财政局（市税务局）");
        Assert.Equal(ResolutionKind.Unmapped, conflict.Kind);
        Assert.Equal("ambiguous: 市财政局, 市税务局", conflict.How);
    }

    [Fact]
    public void A_rule_that_lands_on_two_departments_is_ambiguous_not_a_guess()
    {
        var directory = new DepartmentDirectory(
            [new Department("a", "市甲局", [], []), new Department("b", "聊城市甲局", [], [])], [], []);

        var resolution = directory.Resolve("甲局");

        Assert.Equal(ResolutionKind.Unmapped, resolution.Kind);
        Assert.Empty(resolution.Departments);
        Assert.Equal("ambiguous: 市甲局, 聊城市甲局", resolution.How);
        Assert.Equal("a", directory.Resolve("市甲局").Departments[0].Id);
    }

    [Fact]
    public void Exact_names_and_aliases_say_so()
    {
        Assert.Equal("name", Directory.Resolve("市财政局").How);
        Assert.Equal("alias", Directory.Resolve("市发改委").How);
        Assert.Equal("group 各县（市、区）人民政府", Directory.Resolve("各县市区政府").How);
    }

    [Fact]
    public void Find_takes_an_id_a_name_or_an_alias_but_no_rules()
    {
        Assert.Equal("市财政局", Directory.Find("finance")?.Name);
        Assert.Equal("finance", Directory.Find("聊城市财政局")?.Id);
        Assert.Equal("health", Directory.Find("市卫计委")?.Id);
        Assert.Null(Directory.Find("财政局"));
        Assert.Null(Directory.Find("各县（市、区）人民政府"));
    }

    [Fact]
    public void Ids_are_unique_ascii_slugs_and_names_are_claimed_once()
    {
        var ids = Directory.Departments.Select(d => d.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(ids, id => Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", id));
        Assert.Equal("finance", Directory.Find("市财政局")?.Id);
        Assert.Equal("public-security", Directory.Find("市公安局")?.Id);
        Assert.Equal("dongchangfu", Directory.Find("东昌府区人民政府")?.Id);

        var names = Directory.Departments.SelectMany(d => d.Aliases.Prepend(d.Name))
            .Concat(Directory.Groups.SelectMany(g => g.Aliases.Prepend(g.Name)))
            .Concat(Directory.NotRecipients).ToList();
        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.All(Directory.Departments, d => Assert.Empty(d.Emails));
    }

    [Fact]
    public void ToJson_and_FromJson_round_trip_with_chinese_as_text()
    {
        var json = Directory.WithEmail("finance", "czj@example.org").ToJson();

        Assert.Contains("\"市财政局\"", json, StringComparison.Ordinal);
        Assert.Contains("各县（市、区）人民政府", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u", json, StringComparison.Ordinal);
        Assert.Contains("\n  ", json, StringComparison.Ordinal);

        var copy = DepartmentDirectory.FromJson(json);
        Assert.Equal(Shape(Directory.WithEmail("finance", "czj@example.org")), Shape(copy));
        Assert.Equal(json, copy.ToJson());
    }

    [Fact]
    public void WithEmail_returns_a_new_directory_and_rejects_unknown_departments()
    {
        var updated = Directory.WithEmail("市发改委", "fgw@example.org").WithEmail("development-reform", "fgw@example.org");

        Assert.Equal(["fgw@example.org"], updated.Find("development-reform")!.Emails);
        Assert.Empty(Directory.Find("development-reform")!.Emails);
        Assert.Equal(["fgw@example.org"], Assert.Single(updated.Resolve("市发展和改革委员会").Departments).Emails);

        Assert.Throws<ArgumentException>(() => Directory.WithEmail("市宇宙开发局", "x@example.org"));
        Assert.Throws<ArgumentException>(() => Directory.WithEmail("各县（市、区）人民政府", "x@example.org"));
        Assert.Throws<ArgumentException>(() => Directory.WithEmail("finance", "not an address"));
    }

    [Fact]
    public void Merge_replaces_same_id_departments_adds_new_ones_and_unions_groups()
    {
        var imported = new DepartmentDirectory(
            [
                new Department("finance", "市财政局", ["聊城市财政局", "市财政"], ["czj@example.org"]),
                new Department("petitions", "市信访局", ["聊城市信访局"], []),
                new Department("dongchangfu", "东昌府区人民政府", ["东昌府区"], ["dcf@example.org"]),
            ],
            [new DepartmentGroup("各县（市、区）人民政府", ["各县区政府"], ["dongchangfu"])],
            ["市直有关部门", "各级政府"]);

        var merged = Directory.Merge(imported);

        Assert.Equal(Directory.Departments.Count + 1, merged.Departments.Count);
        Assert.Equal(["czj@example.org"], merged.Find("finance")!.Emails);
        Assert.Equal("finance", merged.Find("市财政")!.Id);
        Assert.Equal("petitions", Assert.Single(merged.Resolve("市信访局").Departments).Id);
        Assert.Equal(8, merged.Resolve("各县区政府").Departments.Count);
        Assert.Equal(["dcf@example.org"], merged.Resolve("各县（市、区）政府").Departments.Single(d => d.Id == "dongchangfu").Emails);
        Assert.Equal(Directory.Groups.Count, merged.Groups.Count);
        Assert.Equal(ResolutionKind.NotRecipient, merged.Resolve("各级政府").Kind);
        Assert.Equal(Directory.NotRecipients.Count + 1, merged.NotRecipients.Count);
        Assert.Empty(Directory.Find("finance")!.Emails);
    }

    [Fact]
    public void Merge_refuses_an_alias_that_names_another_department()
    {
        var imported = new DepartmentDirectory([new Department("finance-2", "市财政二局", ["市税务局"], [])], [], []);

        var error = Assert.Throws<ArgumentException>(() => Directory.Merge(imported));
        Assert.Contains("市税务局", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not json", "not valid JSON")]
    [InlineData("[]", "top level")]
    [InlineData("{}", "\"departments\" is missing")]
    [InlineData("""{"departments": [{"name": "市财政局"}]}""", "departments[0] (市财政局): \"id\" is missing")]
    [InlineData("""{"departments": [{"id": "Finance!", "name": "市财政局"}]}""", "not a lowercase ASCII slug")]
    [InlineData("""{"departments": [{"id": "finance", "name": "市财政局", "alias": ["财政"]}]}""", "unknown property \"alias\"")]
    [InlineData("""{"departments": [{"id": "a", "name": "市甲局"}, {"id": "a", "name": "市乙局"}]}""", "Department id 'a' is used twice.")]
    [InlineData("""{"departments": [{"id": "a", "name": "市甲局"}, {"id": "b", "name": "市乙局", "aliases": ["市甲局"]}]}""", "'市甲局' names both")]
    [InlineData("""{"departments": [], "groups": [{"name": "各县", "members": ["nowhere"]}]}""", "member 'nowhere' is not a department")]
    [InlineData("""{"departments": [{"id": "a", "name": "市甲局", "emails": ["nope"]}]}""", "'nope' is not an email address")]
    [InlineData("""{"departments": [{"id": "a", "name": "市甲局", "aliases": "市甲"}]}""", "must be an array")]
    public void Bad_json_gives_a_clear_exception(string json, string expected)
    {
        var error = Assert.Throws<FormatException>(() => DepartmentDirectory.FromJson(json));

        Assert.StartsWith("Department directory: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    private static string Shape(DepartmentDirectory directory) => JsonSerializer.Serialize(new
    {
        Departments = directory.Departments.Select(d => new { d.Id, d.Name, d.Aliases, d.Emails }),
        Groups = directory.Groups.Select(g => new { g.Name, g.Aliases, g.Members }),
        directory.NotRecipients,
    });
}
