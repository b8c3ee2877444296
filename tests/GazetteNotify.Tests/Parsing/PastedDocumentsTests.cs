using GazetteNotify.Parsing;

namespace GazetteNotify.Tests.Parsing;

/// <summary>Several documents pasted into one upload without a table of contents are found by their headers.</summary>
public class PastedDocumentsTests
{
    [Fact]
    public void Documents_with_numbers_under_their_titles_are_each_found()
    {
        var issue = GazetteParser.ParseText("""
            济南市人民政府办公厅关于印发济南市城市更新行动方案的通知
            济政办字〔2024〕12号
            各区县人民政府，市政府各部门：
            现将《济南市城市更新行动方案》印发给你们，请认真贯彻执行。（牵头单位：市住房城乡建设局；配合单位：市财政局）
            济南市人民政府办公厅
            2024年3月1日
            济南市人民政府办公厅关于做好2024年防汛工作的通知
            济政办字〔2024〕15号
            各区县人民政府，市政府各部门：
            请于5月底前完成汛前检查。（责任单位：市水务局）
            济南市人民政府办公厅
            2024年3月8日
            """).Issue!;

        Assert.Equal(["济政办字〔2024〕12号", "济政办字〔2024〕15号"], issue.Documents.Select(d => d.DocNumber));
        Assert.Equal(new DateOnly(2024, 5, 31), issue.Documents[1].Deadlines.Single().Date);
    }

    [Fact]
    public void Documents_without_numbers_are_found_by_a_title_with_its_addressee()
    {
        var issue = GazetteParser.ParseText("""
            关于开展2024年安全生产大检查的通知
            各镇人民政府、街道办事处：
            为切实做好安全生产工作，现就开展大检查有关事项通知如下。
            一、检查范围
            关于开展大检查的实施方案
            检查工作于6月底前完成。（责任单位：区应急管理局）
            关于做好2024年秋季开学准备工作的通知
            各镇人民政府、街道办事处，区直各部门：
            请于8月25日前完成校舍安全排查。（责任单位：区教育局）
            """).Issue!;

        // The attachment title inside the first (no addressee under it) does not start a document.
        Assert.Equal(["关于开展2024年安全生产大检查的通知", "关于做好2024年秋季开学准备工作的通知"], issue.Documents.Select(d => d.Title));
        Assert.Equal(["区教育局"], issue.Documents[1].Tasks.Single().Lead);
    }
}
