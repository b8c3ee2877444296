using System.Text;
using GazetteNotify.Parsing.Model;
using GazetteNotify.Tests.Support;

namespace GazetteNotify.Tests.Faults;

/// <summary>What the admin expects of an upload: its rows written (perhaps with warnings), or a refusal with a reason.</summary>
public enum Expect
{
    Ingested,
    Rejected,
}

/// <summary>
/// One hostile or broken upload, made in code (mostly from the real 2022-06 sample), with the outcome a demanding admin
/// expects: <paramref name="ReasonHas"/> is a fragment the refusal must name (so the admin learns what they uploaded);
/// <paramref name="Check"/> looks at what an ingested upload became.
/// </summary>
public sealed record HostileCase(string Name, Expect Expect, Func<byte[]> Make, string? ReasonHas = null, Action<Ingested>? Check = null)
{
    /// <summary>The name it is uploaded under, when not upload-NN.txt.</summary>
    public string? BlobName { get; init; }
}

/// <summary>
/// What an ingested hostile upload became: the issue.json and text.txt the service wrote, its task count, and the
/// excerpts of its Tasks rows (what reminders quote; not in issue.json).
/// </summary>
public sealed record Ingested(GazetteIssue Issue, string Text, int Tasks, IReadOnlyList<string> Excerpts);

/// <summary>
/// The corpus: every file is generated here, none is checked in. Text variants start from the 2022-06 sample (UTF-8,
/// LF), whose TOC lists seven documents and whose first document's items name 市财政局 with 6月底前 limits.
/// </summary>
public static class HostileCorpus
{
    static HostileCorpus() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public const string Injection = "\r\nBcc: evil@example.com\r\n";

    /// <summary>Survives one pass of tag stripping as a raw &lt;script&gt; element: the mail renderer must escape it.</summary>
    public const string ObfuscatedScript = "<scr<script>ipt>alert(1)</scr</script>ipt>";

    public const string ResidencePermitTitle = "关于印发聊城市居住证实施办法的通知";

    /// <summary>Item 1 of 聊政发〔2022〕6号: 市财政局 and 市税务局, the first clause of the issue.</summary>
    public const string FirstClause = "（责任单位：市财政局、市税务局）";

    /// <summary>Item 2 of 聊政发〔2022〕6号: 6月底前 and 8月底前, led by 市财政局.</summary>
    public const string SecondClause = "（责任单位：市财政局、市发展改革委、市工业和信息化局、市科技局、市农业农村局、市文化和旅游局等）";

    private static string Sample => Samples.Text(Samples.Issue2022_06);

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static Encoding Gb18030 => Encoding.GetEncoding("GB18030");

    public static IReadOnlyList<HostileCase> All { get; } = Build();

    public static HostileCase Get(string name) => All.Single(c => c.Name == name);

    private static List<HostileCase> Build() =>
    [
        // ---- not text at all
        new("empty", Expect.Rejected, () => [], "empty"),
        new("whitespace only", Expect.Rejected, () => Utf8(" \n\t\r\n\u3000\n"), "no Chinese"),
        new("random binary", Expect.Rejected, () => Random(7, 64 * 1024)),
        new("PDF", Expect.Rejected, () => [.. "%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"u8, .. Random(1, 4096)], "PDF")
        {
            BlobName = "聊城市人民政府公报 2022年第6期（扫描件）'最终版'.pdf",
        },
        new("PNG image", Expect.Rejected, () => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, .. "IHDR"u8, .. Random(2, 2048)], "PNG"),
        new("JPEG image", Expect.Rejected, () => [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, .. "JFIF\0"u8, .. Random(3, 2048)], "JPEG"),
        new("Word .docx (ZIP)", Expect.Rejected, () => [.. "PK\u0003\u0004"u8, 0x14, 0, 6, 0, .. Random(4, 2048)], "ZIP"),
        new("gzip", Expect.Rejected, () => [0x1F, 0x8B, 8, 0, .. Random(5, 2048)], "gzip"),
        new("Windows executable", Expect.Rejected, () => [.. "MZ"u8, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, .. new byte[64], .. Random(6, 1024)], "executable"),
        new("1 MB of NUL bytes", Expect.Rejected, () => new byte[1024 * 1024], "binary"),

        // ---- files an admin holds that cannot be read (issue 18), under names that do not say what they are
        new("password-protected PDF", Expect.Rejected, () => Formats.Pdf.HandmadePdf.Encrypted("secret", "owner"), "encrypted") { BlobName = "2022-06.txt" },
        new("garbage after the PDF signature", Expect.Rejected, () => [.. "%PDF-1.7\n"u8, .. Random(8, 8192)], "damaged"),
        new("Word file that is a zip bomb", Expect.Rejected, () => ZipBomb(Formats.Word.Docx.Build(Formats.Word.Docx.P("正文"))), "zip bomb") { BlobName = "gazette.pdf" },
        new("encrypted Word file", Expect.Rejected, () => Formats.Word.CompoundFileBuilder.Build("EncryptionInfo", "EncryptedPackage"), "encrypted"),
        new("Word 97-2003 .doc", Expect.Rejected, () => Formats.Word.CompoundFileBuilder.Build("WordDocument"), ".doc"),
        new("saved login page", Expect.Rejected, () => Utf8(LoginPage), "login page"),
        new("saved 404 page", Expect.Rejected, () => Utf8("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>404 Not Found</title></head><body><h1>Not Found</h1><p>The requested URL was not found on this server.</p></body></html>"), "error page"),
        new("Word file with macros", Expect.Ingested,
            () => Formats.Word.Docx.Build(string.Concat(Sample.Split('\n').Select(l => Formats.Word.Docx.P(l))), macroEnabled: true), Check: i =>
            {
                SameDocumentsAsSample(i);
                Assert.Contains(i.Issue.Warnings, w => w.Contains("macros", StringComparison.Ordinal));
            }) { BlobName = "2022-06.docm" },

        // ---- text, but not an issue
        new("HTML page", Expect.Rejected, () => Utf8(HtmlPage()), "does not look like a gazette issue"),
        new("English text", Expect.Rejected, () => Utf8(string.Concat(Enumerable.Repeat("The quick brown fox jumps over the lazy dog. ", 2000))), "no Chinese"),
        new("Chinese prose that is not a gazette", Expect.Rejected,
            () => Utf8(string.Concat(Enumerable.Repeat("今天天气很好，我们去公园散步，看见很多人在跑步和打太极拳。\n", 200))), "does not look like a gazette issue"),
        new("only the TOC, no bodies", Expect.Rejected, () => Utf8(Sample[..Sample.IndexOf("聊城市人民政府文件\n", StringComparison.Ordinal)]), "table of contents"),
        new("25 MB of text", Expect.Rejected, () => Repeat(Utf8(Sample), 25 * 1024 * 1024), "20 MB"),
        new("1 MB single line (line breaks lost)", Expect.Rejected, () => Repeat(Utf8(Sample.Replace("\n", "", StringComparison.Ordinal)), 1024 * 1024)),
        new("clause bomb: 10,000 tasks in one document", Expect.Rejected, () => Utf8(ClauseBomb(10_000)), "5,000 responsibility tasks"),
        new("header bomb: 20,000 document headers", Expect.Rejected, () => Utf8(Sample + HeaderBomb(20_000)), "documents"),
        new("TOC bomb: 2,000 entries", Expect.Rejected, () => Utf8(TocBomb(2_000)), "table of contents lists"),
        new("unit bomb: 80,000 units in one clause", Expect.Rejected,
            () => Utf8(ReplaceFirst(Sample, FirstClause, "（责任单位：" + string.Join("、", Enumerable.Range(0, 80_000).Select(i => "市第" + i + "局")) + "）")), "units"),

        // ---- encodings of a real issue
        new("GBK without BOM", Expect.Ingested, () => Encoding.GetEncoding(936).GetBytes(Sample), Check: SameDocumentsAsSample),
        new("GB18030 without BOM", Expect.Ingested, () => Gb18030.GetBytes(Sample), Check: SameDocumentsAsSample),
        new("UTF-16 LE with BOM", Expect.Ingested, () => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Sample)], Check: SameDocumentsAsSample),
        new("UTF-16 LE without BOM", Expect.Ingested, () => Encoding.Unicode.GetBytes(Sample), Check: SameDocumentsAsSample),
        new("UTF-16 BE with BOM", Expect.Ingested, () => [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(Sample)], Check: SameDocumentsAsSample),
        new("UTF-16 BE without BOM", Expect.Ingested, () => Encoding.BigEndianUnicode.GetBytes(Sample), Check: SameDocumentsAsSample),
        new("UTF-32 with BOM", Expect.Ingested, () => [.. Encoding.UTF32.GetPreamble(), .. Encoding.UTF32.GetBytes(Sample)], Check: SameDocumentsAsSample),
        new("mixed encodings: first half UTF-8, second half GBK", Expect.Ingested, MixedEncodings, Check: i =>
        {
            SameDocumentsAsSample(i);
            Assert.Contains(i.Issue.Warnings, w => w.Contains("encodings", StringComparison.Ordinal));
        }),
        new("NUL bytes sprinkled in", Expect.Ingested, () => SprinkleNul(Utf8(Sample)), Check: i =>
        {
            SameDocumentsAsSample(i);
            Assert.DoesNotContain('\0', i.Text);
        }),

        // ---- damaged issues
        new("truncated: first 30% of the bytes", Expect.Ingested, () => Samples.Bytes(Samples.Issue2022_06)[..(Samples.Bytes(Samples.Issue2022_06).Length * 3 / 10)],
            Check: i =>
            {
                Assert.Equal("关于稳住经济运行以优异成绩迎接党的二十大胜利召开的若干意见", i.Issue.Documents[0].Title);
                Assert.Contains(i.Issue.Warnings, w => w.Contains("not found in the body", StringComparison.Ordinal));
                Assert.DoesNotContain('\uFFFD', i.Text);
            }),
        new("no TOC (TOC lines removed)", Expect.Ingested, () => Utf8(Sample[..Sample.IndexOf("目 录", StringComparison.Ordinal)] + Sample[Sample.IndexOf("聊城市人民政府文件\n", StringComparison.Ordinal)..]),
            Check: i =>
            {
                Assert.Equal(7, i.Issue.Documents.Count);
                Assert.Contains(i.Issue.Warnings, w => w.Contains("no table of contents", StringComparison.Ordinal));
            }),
        new("a document printed twice", Expect.Ingested, () => Utf8(DuplicateDocument()), Check: i =>
        {
            // The copy is reported, not ingested as a second document: no department is reminded twice of one task.
            Assert.Single(i.Issue.Documents, d => d.DocNumber == "聊政办字〔2022〕25号");
            Assert.Equal(Samples.Issue(Samples.Issue2022_06).Documents.Sum(d => d.Tasks.Count), i.Tasks);
            Assert.Contains(i.Issue.Warnings, w => w.Contains("聊政办字〔2022〕25号", StringComparison.Ordinal) && w.Contains("twice", StringComparison.Ordinal));
        }),
        new("repetition bomb: the first document 200 times", Expect.Ingested, () => Utf8(RepeatFirstDocument(200)), Check: i =>
        {
            SameDocumentsAsSample(i);
            Assert.Contains(i.Issue.Warnings, w => w.Contains("聊政发〔2022〕6号 is printed 200 times", StringComparison.Ordinal));
        }),
        new("a paragraph of 50,000 wrapped lines", Expect.Ingested,
            () => Utf8(Sample.Replace("二、扩大有效投资\n", string.Concat(Enumerable.Repeat("加快推进城市市政建设\n", 50_000)) + "二、扩大有效投资\n", StringComparison.Ordinal)),
            Check: SameDocumentsAsSample),
        new("20,000 time limits in one sentence", Expect.Ingested,
            () => Utf8(ReplaceFirst(Sample, FirstClause, string.Concat(Enumerable.Range(0, 20_000).Select(i => $"{i % 12 + 1}月底前，")) + FirstClause)),
            Check: i => Assert.Equal(7, i.Issue.Documents.Count)),
        new("10,000 citations in one document", Expect.Ingested,
            () => Utf8(Sample.Replace("二、扩大有效投资\n", string.Concat(Enumerable.Range(0, 10_000).Select(i => $"《关于做好工作的通知》（聊政发〔2021〕{i}号）、")) + "\n二、扩大有效投资\n", StringComparison.Ordinal)),
            Check: i => Assert.True(i.Issue.Documents[0].References.Count >= 9_000)),
        new("a unit name of 100,000 characters", Expect.Ingested, () => Utf8(ReplaceFirst(Sample, FirstClause, "（责任单位：市财政局、" + new string('局', 100_000) + "）")),
            Check: i => Assert.All(i.Issue.Documents.SelectMany(d => d.Tasks).SelectMany(t => t.Lead.Concat(t.Support)), u => Assert.InRange(u.Length, 1, 60))),
        new("1 MB line inside a document", Expect.Ingested, () => Utf8(Sample.Replace("二、扩大有效投资\n", "二、扩大有效投资\n" + string.Concat(Enumerable.Repeat("加快推进城市市政建设基础设施投资", 22_000)) + "\n", StringComparison.Ordinal)),
            Check: i => Assert.Equal(7, i.Issue.Documents.Count)),
        new("10,000 levels of nested parentheses in a clause", Expect.Ingested,
            () => Utf8(ReplaceFirst(Sample, FirstClause, new string('（', 10_000) + "责任单位：市财政局、市税务局" + new string('）', 10_000))),
            Check: i => Assert.Equal(7, i.Issue.Documents.Count)),
        new("control characters sprinkled in", Expect.Ingested, () => Utf8(SprinkleControls(Sample)), Check: i =>
        {
            SameDocumentsAsSample(i);
            Assert.DoesNotContain(i.Text, c => char.IsControl(c) && c is not ('\n' or '\t'));
        }),
        new("bidi overrides and RTL marks in titles", Expect.Ingested,
            () => Utf8(Sample.Replace("关于稳住经济运行", "关于\u202E稳住\u2067经济\u200F运行\u202C\u2069", StringComparison.Ordinal)
                .Replace(ResidencePermitTitle, "关于印发\u202Dtxt.exe\u202E聊城市居住证实施办法的通知", StringComparison.Ordinal)),
            Check: i =>
            {
                Assert.Equal("关于稳住经济运行以优异成绩迎接党的二十大胜利召开的若干意见", i.Issue.Documents[0].Title);
                Assert.DoesNotContain(i.Issue.Documents, d => d.Title.Any(c => c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') or '\u200E' or '\u200F'));
            }),
        new("<script> in a title", Expect.Ingested, () => Utf8(Sample.Replace(ResidencePermitTitle, "关于印发聊城市居住证<script>alert(1)</script>实施办法的通知", StringComparison.Ordinal)),
            Check: i => Assert.Equal(7, i.Issue.Documents.Count)),
        new("<script> in a unit name of a clause", Expect.Ingested, () => Utf8(ReplaceFirst(Sample, FirstClause, "（责任单位：市财政局、<script>alert(1)</script>市税务局）")),
            Check: i =>
            {
                Assert.Equal(7, i.Issue.Documents.Count);
                Assert.Contains("市财政局", i.Issue.Documents[0].Tasks[0].Lead);
                Assert.DoesNotContain(i.Issue.Documents.SelectMany(d => d.Tasks).SelectMany(t => t.Lead.Concat(t.Support)), u => u.Contains('<', StringComparison.Ordinal));
            }),
        new("<script> that survives tag stripping, in a title and a clause", Expect.Ingested, () => Utf8(HostileMailIssue()), Check: i =>
        {
            // The text is data: kept as written, escaped wherever it is shown (the mail test below checks the mails).
            Assert.Contains("<script>alert(1)</script>", i.Issue.Documents[0].Title, StringComparison.Ordinal);
            Assert.Contains("<script>alert(1)</script>", i.Issue.Documents[1].Title, StringComparison.Ordinal);
        }),
        new("CR/LF + Bcc header in a title", Expect.Ingested, () => Utf8(Sample.Replace(ResidencePermitTitle, "关于印发聊城市居住证实施办法的通知" + Injection.TrimEnd('\r', '\n'), StringComparison.Ordinal)),
            Check: NoLineBreaksInFields),
        new("CR/LF + Bcc header in a unit name", Expect.Ingested, () => Utf8(ReplaceFirst(Sample, FirstClause, "（责任单位：市财政局" + Injection + "、市税务局）")),
            Check: NoLineBreaksInFields),
        new("Unicode line separators (U+2028, NEL) + Bcc in a title", Expect.Ingested,
            () => Utf8(Sample.Replace(ResidencePermitTitle, "关于印发聊城市居住证实施办法的通知\u2028Bcc: evil@example.com\u0085Cc: evil@example.com\u2029", StringComparison.Ordinal)),
            Check: NoLineBreaksInFields),
        new("over-long doc number", Expect.Ingested, () => Utf8(Sample.Replace("聊政办字〔2022〕25号", "聊政办字〔2022〕" + new string('9', 5000) + "号", StringComparison.Ordinal)),
            Check: i =>
            {
                // Not a doc number (serials have at most 4 digits): the entry is kept, and the admin is told it was not found.
                Assert.Equal(7, i.Issue.Documents.Count);
                Assert.Contains(i.Issue.Warnings, w => w.Contains("99999号」 is in the table of contents but was not found in the body", StringComparison.Ordinal));
            }),
        new("a title of 10,000 characters", Expect.Ingested, () => Utf8(WithTitle(LongTitle)),
            Check: i => Assert.Equal(LongTitle, i.Issue.Documents[4].Title)),
        new("a title of 100,000 characters", Expect.Ingested, () => Utf8(WithTitle(VeryLongTitle)),
            Check: i => Assert.Equal(VeryLongTitle, i.Issue.Documents[4].Title)), // the Documents row holds the first 30,000
        new("Markdown and HTML mixed", Expect.Ingested, () => Utf8(MarkdownHtmlMix()), Check: SameDocumentsAsSample),
    ];

    public static readonly string LongTitle = "关于明确" + string.Concat(Enumerable.Repeat("聊城市劳动和社会保障监察管辖范围", 625))[..9_993] + "的通知";

    public static readonly string VeryLongTitle = "关于明确" + string.Concat(Enumerable.Repeat("聊城市劳动和社会保障监察管辖范围", 6_250))[..99_993] + "的通知";

    /// <summary>聊政办字〔2022〕25号 under another title, in the TOC and in the body.</summary>
    private static string WithTitle(string title) => Sample
        .Replace("关于明确聊城市劳动和社会保障监察管辖范围的通知", title, StringComparison.Ordinal)
        .Replace("关于明确聊城市劳动和社会保障监察管辖范围的 通 知", title, StringComparison.Ordinal);

    private static void SameDocumentsAsSample(Ingested i) =>
        Assert.Equal(Samples.Issue(Samples.Issue2022_06).Documents.Select(d => (d.DocNumber, d.Title, d.Tasks.Count)), i.Issue.Documents.Select(d => (d.DocNumber, d.Title, d.Tasks.Count)));

    private static void NoLineBreaksInFields(Ingested i)
    {
        Assert.Equal(7, i.Issue.Documents.Count);
        var fields = i.Issue.Documents.SelectMany(d => new[] { d.Title, d.DocNumber ?? "", d.Issuer ?? "", d.Summary }
            .Concat(d.Tasks.SelectMany(t => t.Lead.Concat(t.Support)))).Concat(i.Excerpts);
        Assert.All(fields, f => Assert.DoesNotContain(f, c => c is '\r' or '\n' or '\u2028' or '\u2029' or '\u0085'));
    }

    /// <summary>
    /// The issue the mail test sends from: the first document's title (in the TOC and the body) carries a &lt;script&gt;
    /// that survives tag stripping; the residence-permit title carries it and a CR/LF + Bcc injection; item 2's
    /// clause (市财政局, 6月底前) names both as units — which the clause grammar does not take for units, but the item's
    /// text, quoted in reminders, keeps.
    /// </summary>
    public static string HostileMailIssue() =>
        ReplaceFirst(
            Sample.Replace("关于稳住经济运行", "关于稳住" + ObfuscatedScript + "经济运行", StringComparison.Ordinal)
                .Replace(ResidencePermitTitle, "关于印发聊城市居住证" + ObfuscatedScript + "实施办法的通知" + Injection.TrimEnd('\r', '\n'), StringComparison.Ordinal),
            SecondClause,
            "（责任单位：市财政局、市" + ObfuscatedScript + "局、市税务局、" + Injection + "市发展改革委）");

    private static string ReplaceFirst(string text, string what, string with)
    {
        var at = text.IndexOf(what, StringComparison.Ordinal);
        Assert.True(at >= 0, what);
        return text[..at] + with + text[(at + what.Length)..];
    }

    private static byte[] Random(int seed, int length)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    private static byte[] Repeat(byte[] unit, int atLeast)
    {
        var bytes = new byte[atLeast + unit.Length - atLeast % unit.Length];
        for (var at = 0; at < bytes.Length; at += unit.Length) unit.CopyTo(bytes, at);
        return bytes;
    }

    private const string LoginPage = """
        <!DOCTYPE html><html><head><meta charset="utf-8"><title>统一身份认证平台</title></head><body>
        <div class="login"><h2>用户登录</h2><form><input name="user" placeholder="请输入用户名"><input type="password" name="pwd">
        <input type="text" placeholder="验证码"><button>登 录</button></form><a>忘记密码？</a><a>注册</a></div></body></html>
        """;

    /// <summary>A .docx with a part of 50 MB of zeros added: under 1 MB on disk, a thousandfold when inflated.</summary>
    private static byte[] ZipBomb(byte[] docx)
    {
        using var stream = new MemoryStream();
        stream.Write(docx);
        using (var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Update, leaveOpen: true))
        {
            using var entry = zip.CreateEntry("word/media/image1.png", System.IO.Compression.CompressionLevel.SmallestSize).Open();
            entry.Write(new byte[50 * 1024 * 1024]);
        }

        return stream.ToArray();
    }

    private static string HtmlPage() => """
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head><meta charset="utf-8"><title>聊城市人民政府 政府公报</title>
        <script src="/js/jquery.min.js"></script><script>var _hmt = _hmt || []; (function() { document.write('<img src=x>'); })();</script>
        <style>body { font-family: "Microsoft YaHei"; }</style></head>
        <body><div class="nav"><a href="/">首页</a> | <a href="/zwgk">政务公开</a> | <a href="/zfgb">政府公报</a> | <a href="/hdjl">互动交流</a></div>
        <h1>聊城市人民政府公报 2022年第6期</h1>
        <ul><li><a href="/zfgb/2022/6/1.html">关于稳住经济运行以优异成绩迎接党的二十大胜利召开的若干意见</a></li>
        <li><a href="/zfgb/2022/6/2.html">关于印发聊城市居住证实施办法的通知</a></li></ul>
        <p>您访问的页面需要登录后才能查看，请使用统一身份认证平台账号登录。如有疑问请拨打政务服务热线咨询。</p>
        <div class="footer">主办：聊城市人民政府办公室 承办：聊城市大数据中心 网站标识码：3715000001 鲁ICP备05001234号</div>
        </body></html>
        """;

    /// <summary>A converter's Markdown with HTML left in: headings, bullets, &lt;p&gt;, &lt;br/&gt;, &lt;b&gt;, &lt;span style&gt;.</summary>
    private static string MarkdownHtmlMix()
    {
        var sb = new StringBuilder();
        foreach (var line in Sample.Split('\n'))
        {
            if (line.EndsWith("公报", StringComparison.Ordinal)) sb.Append("# ").Append(line);
            else if (line.StartsWith('◎')) sb.Append("### ").Append(line);
            else if (line.EndsWith("文件", StringComparison.Ordinal) && line.Length < 20) sb.Append("<h2>").Append(line).Append("</h2>");
            else if (line.StartsWith("（责任单位", StringComparison.Ordinal) || line.Length > 40) sb.Append("<p>").Append(line).Append("</p>");
            else if (line.Length > 0 && line.EndsWith('日') && line.Length < 16) sb.Append("**").Append(line).Append("**<br/>");
            else if (line.Length > 0) sb.Append("<span style=\"color:red\">").Append(line).Append("</span>");
            sb.Append('\n');
        }

        return sb.ToString();
    }

    private static byte[] MixedEncodings()
    {
        var lines = Sample.Split('\n');
        var half = lines.Length / 2;
        return [.. Utf8(string.Join('\n', lines[..half]) + "\n"), .. Encoding.GetEncoding(936).GetBytes(string.Join('\n', lines[half..]))];
    }

    /// <summary>A NUL byte at the start of every 10th line (between characters, so the UTF-8 stays valid).</summary>
    private static byte[] SprinkleNul(byte[] utf8)
    {
        var output = new List<byte>(utf8.Length + 2048);
        var line = 0;
        foreach (var b in utf8)
        {
            output.Add(b);
            if (b == (byte)'\n' && ++line % 10 == 0) output.Add(0);
        }

        return [.. output];
    }

    /// <summary>One C0 or C1 control character (BEL, BS, VT, ESC, DEL, NEL-free C1 CSI …) every 150 characters.</summary>
    private static string SprinkleControls(string text)
    {
        char[] controls = ['\u0001', '\u0007', '\u0008', '\u000B', '\u001B', '\u007F', '\u009B', '\u0090', '\u0003'];
        var sb = new StringBuilder(text.Length + text.Length / 100);
        for (var i = 0; i < text.Length; i++)
        {
            sb.Append(text[i]);
            if (i % 150 == 149 && text[i] != '\n') sb.Append(controls[i / 150 % controls.Length]);
        }

        return sb.ToString();
    }

    /// <summary>聊政办字〔2022〕25号, from its 版头 to the next document's, printed a second time right after itself.</summary>
    private static string DuplicateDocument()
    {
        var start = Sample.IndexOf("聊城市人民政府办公室\n\n聊政办字〔2022〕25号\n", StringComparison.Ordinal);
        var end = Sample.IndexOf("聊城市人民政府办公室\n\n聊政办字〔2022〕26号\n", StringComparison.Ordinal);
        Assert.True(start > 0 && end > start);
        var document = Sample[start..end];
        return Sample[..end] + document + Sample[end..];
    }

    /// <summary>The issue with its first document (版头 to the next 版头) printed <paramref name="times"/> times over.</summary>
    private static string RepeatFirstDocument(int times)
    {
        var start = Sample.IndexOf("聊城市人民政府文件\n", StringComparison.Ordinal);
        var end = Sample.IndexOf("聊城市人民政府办公室\n\n聊政办字〔2022〕22号\n", StringComparison.Ordinal);
        var document = Sample[start..end];
        return Sample[..end] + string.Concat(Enumerable.Repeat(document, times - 1)) + Sample[end..];
    }

    /// <summary>Documents after the issue, each with a 版头, a number, a title, a clause and a signature.</summary>
    private static string HeaderBomb(int count)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            sb.Append("聊城市人民政府文件\n\n聊政发〔2022〕").Append(i % 9000 + 100).Append("号\n\n关于做好工作的通知\n\n做好工作。（责任单位：市财政局）\n\n聊城市人民政府\n2022年6月6日\n\n");
        }

        return sb.ToString();
    }

    /// <summary>The issue's TOC with <paramref name="count"/> more entries before its last section.</summary>
    private static string TocBomb(int count)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < count; i++) sb.Append("关于做好第").Append(i).Append("项工作的通知\n\n聊政办字〔2022〕").Append(i % 9000 + 100).Append("号 ").Append(i % 90 + 2).Append("\n\n");
        return Sample.Replace("◎政务动态\n", sb + "◎政务动态\n", StringComparison.Ordinal);
    }

    /// <summary>The issue with <paramref name="items"/> tiny numbered items, each with a clause and a limit, in its first document.</summary>
    private static string ClauseBomb(int items)
    {
        var sb = new StringBuilder();
        for (var i = 1; i <= items; i++) sb.Append(i).Append(". 落实政策，6月底前完成。（责任单位：市财政局）\n");
        return Sample.Replace("二、扩大有效投资\n", sb + "二、扩大有效投资\n", StringComparison.Ordinal);
    }
}
