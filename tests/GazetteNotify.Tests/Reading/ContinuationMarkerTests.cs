using GazetteNotify.Parsing.Body;

namespace GazetteNotify.Tests.Reading;

public class ContinuationMarkerTests
{
    [Theory]
    [InlineData("…非法用工（下转第14页）", 14)]
    [InlineData("…加大城镇教育、(下转第 6 页)", 6)]
    [InlineData("…一律不准（转第13页）", 13)]
    [InlineData("…一律不准（下转至第13页）", 13)]
    public void Continued_on_markers(string line, int page)
    {
        var m = LineShapes.ContinuedOn(line);
        Assert.True(m.Success);
        Assert.Equal(page.ToString(System.Globalization.CultureInfo.InvariantCulture), m.Groups["page"].Value);
    }

    [Theory]
    [InlineData("（上接第 15 页）单位，由用工所在地", 15)]
    [InlineData("(上接第3页)开工建设。", 3)]
    [InlineData("（接第3页）开工建设。", 3)]
    [InlineData("（接上第3页）开工建设。", 3)]
    [InlineData("（续第12页）其他事项", 12)]
    public void Continued_from_markers(string line, int page)
    {
        var m = LineShapes.ContinuedFrom(line);
        Assert.True(m.Success);
        Assert.Equal(page.ToString(System.Globalization.CultureInfo.InvariantCulture), m.Groups["page"].Value);
    }

    [Theory]
    [InlineData("详见第14页附表")]
    [InlineData("（见第3页）")]
    [InlineData("各部门要上接下转、协调联动")]
    public void Prose_is_not_a_marker(string line)
    {
        Assert.False(LineShapes.ContinuedOn(line).Success);
        Assert.False(LineShapes.ContinuedFrom(line).Success);
    }
}
