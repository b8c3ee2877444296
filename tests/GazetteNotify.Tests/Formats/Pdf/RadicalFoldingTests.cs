using System.Text;
using GazetteNotify.Formats.Pdf;

namespace GazetteNotify.Tests.Formats.Pdf;

/// <summary>Radicals from Type 3 fonts' ToUnicode maps come back as the ideographs a simplified-Chinese reader sees.</summary>
public sealed class RadicalFoldingTests
{
    [Theory]
    [InlineData("聊城市⼈⺠政府", "聊城市人民政府")] // ⼈ Kangxi (NFKC), ⺠ Supplement (EquivalentUnifiedIdeograph only)
    [InlineData("市⾏政审批局", "市行政审批局")]
    [InlineData("有关部⻔", "有关部门")] // ⻔ U+2ED4 C-SIMPLIFIED GATE
    [InlineData("⻅效、⻓期", "见效、长期")] // ⻅ U+2EC5, ⻓ U+2ED3
    [InlineData("⼾籍", "户籍")] // ⼾ is 戶 in Unicode's data; the simplified 户 is preferred
    [InlineData("⾨户", "门户")] // ⾨ is 門 in Unicode's data
    [InlineData("2019年8⽉底前", "2019年8月底前")]
    public void Radicals_fold_to_simplified_ideographs(string radicals, string ideographs) =>
        Assert.Equal(ideographs, RadicalFolding.Fold(radicals));

    [Fact]
    public void Every_kangxi_radical_folds_to_its_nfkc_ideograph_or_that_ideographs_simplified_form()
    {
        for (var c = '\u2F00'; c <= '\u2FD5'; c++)
        {
            var folded = RadicalFolding.Fold(c.ToString());
            var nfkc = c.ToString().Normalize(NormalizationForm.FormKC);
            Assert.NotEqual(c.ToString(), folded);
            Assert.True(folded == nfkc || GazetteNotify.Parsing.Text.TraditionalScript.Simplified(nfkc) == folded, $"U+{(int)c:X4} {c} → {folded}, NFKC {nfkc}");
        }
    }

    [Fact]
    public void Every_assigned_supplement_radical_folds_to_an_ideograph()
    {
        // U+2E9A and U+2EF4–U+2EFF are unassigned.
        for (var c = '\u2E81'; c <= '\u2EF3'; c++)
        {
            if (c == '\u2E9A') continue;
            var folded = RadicalFolding.Fold(c.ToString());
            var rune = Rune.GetRuneAt(folded, 0);
            Assert.True(rune.Value is >= 0x3400 and <= 0x9FFF or >= 0x20000 and <= 0x2FFFF, $"U+{(int)c:X4} {c} → {folded}");
        }
    }

    [Fact]
    public void Text_without_radicals_is_returned_as_it_is()
    {
        const string text = "聊政发〔2019〕11号 ABC";
        Assert.Same(text, RadicalFolding.Fold(text));
    }
}
