using GazetteNotify.Parsing.Tasks;

namespace GazetteNotify.Tests.Tasks;

public class UnitSplitterTests
{
    public static TheoryData<string, string[]> Lists => new()
    {
        { "市财政局、市税务局", ["市财政局", "市税务局"] },
        { "市财政局，市税务局；市人民银行", ["市财政局", "市税务局", "市人民银行"] },
        { "市发展改革委;市财政局,市统计局", ["市发展改革委", "市财政局", "市统计局"] },

        // 和 inside names.
        { "市住房和城乡建设局", ["市住房和城乡建设局"] },
        { "市人力资源和社会保障局、市自然资源和规划局", ["市人力资源和社会保障局", "市自然资源和规划局"] },
        { "市文化和旅游局；市工业和信息化局", ["市文化和旅游局", "市工业和信息化局"] },
        { "市商务和投资促进局", ["市商务和投资促进局"] },
        { "各县（市、区）党委和政府", ["各县（市、区）党委和政府"] },

        // 和 / 及 between units.
        { "市属开发区管委会和市国土局", ["市属开发区管委会", "市国土局"] },
        { "各县（市、区）政府、市属开发区管委会和市化工专项行动办公室", ["各县（市、区）政府", "市属开发区管委会", "市化工专项行动办公室"] },
        { "市委和市政府", ["市委", "市政府"] },
        { "市公共资源交易中心等市直部门及各县（市、区）政府", ["市公共资源交易中心", "各县（市、区）政府"] },

        // Nested parentheses stay whole.
        { "市教育局（市委教育工委）、市财政局", ["市教育局（市委教育工委）", "市财政局"] },
        { "各县（市、区）人民政府、市属开发区管委会", ["各县（市、区）人民政府", "市属开发区管委会"] },
        { "各县(市、区)政府、市属开发区管委会和市财政局", ["各县(市、区)政府", "市属开发区管委会", "市财政局"] },
        { "市直有关部门，各县(市、区)人民政府、市属开发区管委会", ["市直有关部门", "各县(市、区)人民政府", "市属开发区管委会"] },

        // 等, duplicates, decoration.
        { "市商务投资促进局、市外办、聊城海关等", ["市商务投资促进局", "市外办", "聊城海关"] },
        { "市编办、市工商局、市住建局等部门", ["市编办", "市工商局", "市住建局"] },
        { "市公安局等有关部门", ["市公安局"] },
        { "市财政局、市财政局、市税务局、市财政局", ["市财政局", "市税务局"] },
        { " **市财政局** ， 市税务局 ", ["市财政局", "市税务局"] },
        { "各县（市、区）人民政府、市属开发区管委会——", ["各县（市、区）人民政府", "市属开发区管委会"] },
        { "——", [] },
        { "", [] },
        { "市大数据局", ["市大数据局"] },

        // Group names with 、 inside: 各 over administrative levels, or a collective and a kind of body without a name.
        { "市税务局等,各县、市、区政府,咸宁高新区管委会", ["市税务局", "各县、市、区政府", "咸宁高新区管委会"] },
        { "各区、县(市)政府", ["各区、县(市)政府"] },
        // 街道办事处 names a kind of body of its own: 各乡镇人民政府、街道办事处 is two (as 各乡镇政府、街道办事处 is).
        { "区政府有关部门,各乡镇人民政府、街道办事处,谯城经开区管委会", ["区政府有关部门", "各乡镇人民政府", "街道办事处", "谯城经开区管委会"] },
        { "市政府各部门、各直属机构", ["市政府各部门、各直属机构"] },
        { "市直有关部门、单位", ["市直有关部门、单位"] },
        { "各县(市)区、开发区", ["各县(市)区、开发区"] },
        { "各区、市财政局", ["各区", "市财政局"] },
        { "各县（市、区）人民政府、市属开发区", ["各县（市、区）人民政府", "市属开发区"] },
        { "各县市区政府、 开发区管委会", ["各县市区政府", "开发区管委会"] },

        // A table cell's lines joined by spaces: whole names apart, a person or a broken name joined again.
        { "市人力资源社会保障局 市农业农村局", ["市人力资源社会保障局", "市农业农村局"] },
        { "市财政局 市工业和信息化局 各县市区政府、 开发区管委会", ["市财政局", "市工业和信息化局", "各县市区政府", "开发区管委会"] },
        { "王 东", ["王东"] },
        { "市发展 改革委", ["市发展改革委"] },
        // An item that is only part of a unit joins the one before it (UnitGroup): a headless 各 group takes the
        // generic items up to its organ head; a 各/有关 group ending in a kind of organ takes items that are only a kind.
        { "各区、县(市)政府及开发区管委会", ["各区、县(市)政府", "开发区管委会"] },
        { "各县、市、区政府,咸宁高新区管委会", ["各县、市、区政府", "咸宁高新区管委会"] },
        { "市财政局,各区、市政府,青岛高新区管委", ["市财政局", "各区、市政府", "青岛高新区管委"] },
        { "市妇联,各县(市)区、开发区", ["市妇联", "各县(市)区、开发区"] },
        { "市直有关部门、单位,各区市政府、开发区管委", ["市直有关部门、单位", "各区市政府", "开发区管委"] },
        { "市政府各部门、各直属机构", ["市政府各部门、各直属机构"] },
        { "各科室、单位", ["各科室、单位"] },

        // …but an item with a name or a place of its own does not.
        { "各相关部门、镇街(园区)", ["各相关部门", "镇街(园区)"] },
        { "各乡镇政府、街道办事处 、伏羲 山管委 会", ["各乡镇政府", "街道办事处", "伏羲山管委会"] },
        { "各县（市、区）、市属开发区", ["各县（市、区）", "市属开发区"] },
        { "市直各部门、各县（市、区）政府", ["市直各部门", "各县（市、区）政府"] },
        { "各县市区政府、开发区管委会", ["各县市区政府", "开发区管委会"] },
        { "市财政局、单位", ["市财政局", "单位"] },
        { "各县市区、各部门", ["各县市区", "各部门"] },

        // Spaces: between whole names they separate; inside a name (as some pages print) they are dropped.
        { "市财政局 市税务局", ["市财政局", "市税务局"] },
        { "市 住建局 、资源规划 局、 大数据局 、 发展改革委、城管局", ["市住建局", "资源规划局", "大数据局", "发展改革委", "城管局"] },
        { "市发改委 市经信局\u3000市财政局", ["市发改委", "市经信局", "市财政局"] },
    };

    [Theory]
    [MemberData(nameof(Lists))]
    public void Splits_one_unit_per_entry(string units, string[] expected)
    {
        Assert.Equal(expected, UnitSplitter.Split(units));
    }

    [Fact]
    public void A_long_run_of_levels_after_各_is_not_rescanned_at_every_separator()
    {
        // 各县、市、区… repeated: a group name is short, so this is a list, split in linear time.
        var hostile = "各县、" + string.Concat(Enumerable.Repeat("市、区、", 50_000));
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var units = UnitSplitter.Split(hostile);

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), watch.Elapsed.ToString());
        Assert.True(units.Count <= UnitSplitter.MaxEntries);
    }

    [Fact]
    public void A_huge_entry_of_spaced_words_is_not_read_word_by_word()
    {
        // 100,000 one-character words: read word by word this took minutes; past the bound it is one overlong entry, dropped.
        Assert.Empty(UnitSplitter.Split(string.Join(' ', Enumerable.Repeat("市", 100_000))));
    }

    [Fact]
    public void Null_yields_nothing()
    {
        Assert.Empty(UnitSplitter.Split(null!));
    }

    [Fact]
    public void Unbalanced_parentheses_do_not_throw()
    {
        // An unclosed parenthesis keeps the rest of the list in one entry; a stray closer is just a character.
        Assert.Equal(["市财政局（、市税务局"], UnitSplitter.Split("市财政局（、市税务局"));
        Assert.Single(UnitSplitter.Split("各县（市、区政府、市属开发区管委会"));
        Assert.Equal(["市财政局）", "市税务局"], UnitSplitter.Split("市财政局）、市税务局"));
    }
}
