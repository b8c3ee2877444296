using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using GazetteNotify.Formats.Pdf;

namespace GazetteNotify.Benchmarks;

/// <summary>
/// Reading a 50-page two-column gazette PDF (issue 18): time per page and allocations. The PDF is the 2019-08 sample
/// printed twice over in two columns with its ruled tables, by Debian's Chromium (--print-to-pdf, as the tests print;
/// cached in the temp folder), read to its 50th page. Setup also reads it once under a working-set sampler and prints
/// the peak, since MemoryDiagnoser counts allocations, not what the process holds.
/// dotnet run -c Release --project tests/GazetteNotify.Benchmarks -- --filter '*PdfReadBenchmark*'
/// </summary>
[MemoryDiagnoser]
public class PdfReadBenchmark
{
    public const int Pages = 50;

    private static readonly PdfReadLimits FiftyPages = PdfReadLimits.Default with { MaxPages = Pages };

    private byte[] _pdf = [];

    [GlobalSetup]
    public void Setup()
    {
        _pdf = PrintedIssue();
        var read = PdfUploadReader.Read(_pdf, FiftyPages);
        if (read.Text is null) throw new InvalidOperationException(read.Rejection);
        PeakWorkingSet().GetAwaiter().GetResult();
    }

    /// <summary>One read of the first 50 pages; divide the mean by 50 for the time per page.</summary>
    [Benchmark]
    public int Read() => PdfUploadReader.Read(_pdf, FiftyPages).Text!.Length;

    private async Task PeakWorkingSet()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var before = process.WorkingSet64 / 1024.0 / 1024.0;
        var watch = Stopwatch.StartNew();
        await using (var sampler = new WorkingSetSampler())
        {
            _ = PdfUploadReader.Read(_pdf, FiftyPages);
            watch.Stop();
            await Task.Delay(100);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"// PDF {_pdf.Length / 1024.0:0} KB, {Pages} pages: one cold read {watch.Elapsed.TotalMilliseconds:0} ms; working set {before:0} MB before, {sampler.Describe()}"));
        }
    }

    /// <summary>The sample as a two-column gazette, twice over (~80 pages), printed once and kept in the temp folder.</summary>
    private static byte[] PrintedIssue()
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "samples", "liaocheng-2019-08.txt"));
        var html = Html(text + "\n" + text);
        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(html)))[..16];
        var folder = Path.Combine(Path.GetTempPath(), "gazette-pdf-benchmark");
        var pdf = Path.Combine(folder, key + ".pdf");
        if (File.Exists(pdf)) return File.ReadAllBytes(pdf);

        Directory.CreateDirectory(folder);
        var page = Path.Combine(folder, key + ".html");
        File.WriteAllText(page, html);
        var chromium = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium";
        var start = new ProcessStartInfo(chromium, ["--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", "--print-to-pdf=" + pdf, new Uri(page).AbsoluteUri])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        using var printing = Process.Start(start) ?? throw new InvalidOperationException($"{chromium} did not start");
        printing.StandardError.ReadToEnd();
        printing.WaitForExit();
        if (!File.Exists(pdf)) throw new InvalidOperationException($"{chromium} printed no PDF (install Debian's chromium or set CHROMIUM_PATH)");
        return File.ReadAllBytes(pdf);
    }

    /// <summary>Each line a justified paragraph in two columns; tab-separated rows a ruled table across the page.</summary>
    private static string Html(string text)
    {
        var html = new StringBuilder("""
            <!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>
            @page { size: A4; margin: 22mm 18mm 20mm; }
            body { font-family: 'WenQuanYi Micro Hei'; font-size: 10.5pt; line-height: 1.65; }
            .flow { columns: 2; column-gap: 2.2em; }
            p { margin: 0; text-indent: 2em; text-align: justify; }
            table { border-collapse: collapse; width: 100%; font-size: 9pt; }
            td { border: 0.75pt solid #000; padding: 2pt 3pt; }
            </style></head><body>
            """);
        var inTable = false;
        var inFlow = false;
        foreach (var line in text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0))
        {
            var row = line.Contains('\t', StringComparison.Ordinal);
            if (row != inTable)
            {
                if (inFlow) html.Append("</div>");
                inFlow = false;
                html.Append(row ? "<table>" : "</table>");
                inTable = row;
            }

            if (row)
            {
                html.Append("<tr>").AppendJoin("", line.Split('\t').Select(c => "<td>" + WebUtility.HtmlEncode(c) + "</td>")).Append("</tr>\n");
                continue;
            }

            if (!inFlow) html.Append("<div class=\"flow\">");
            inFlow = true;
            html.Append("<p>").Append(WebUtility.HtmlEncode(line)).Append("</p>\n");
        }

        html.Append(inTable ? "</table>" : inFlow ? "</div>" : "").Append("</body></html>");
        return html.ToString();
    }
}
