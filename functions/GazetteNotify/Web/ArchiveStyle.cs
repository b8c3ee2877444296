namespace GazetteNotify.Web;

/// <summary>
/// The archive pages' own CSS, after the public layout's: readable paragraphs, tables that scroll sideways on a phone
/// instead of breaking the page, a visible focus ring, and print rules (no navigation, URLs of links written out,
/// tables not cut in a row). Contrast: text #222 on white, links #0645ad, notes #555 (all above 4.5:1).
/// </summary>
public static class ArchiveStyle
{
    public const string Css =
        "body{color:#222}a{color:#0645ad}a:focus{outline:2px solid #0645ad;outline-offset:2px}"
        + "h1{font-size:1.5em;line-height:1.3}h2{font-size:1.25em;margin-top:1.6em;border-bottom:1px solid #ddd}h3{font-size:1.05em}"
        + "dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.2em 1em}dl.facts dt{color:#555}dl.facts dd{margin:0}"
        + ".body p{text-indent:2em;margin:.5em 0}.body p.signature{text-align:right;text-indent:0}"
        + ".scroll{overflow-x:auto}table{border-collapse:collapse;width:100%;margin:.6em 0}th,td{border:1px solid #ccc;padding:.3em .5em;text-align:left;vertical-align:top}th{background:#f3f3f3}"
        + "aside.task{border-left:4px solid #0645ad;background:#f5f8ff;padding:.4em .7em;margin:.4em 0 .8em}aside.task:target{background:#fff3c4;border-color:#b36b00}aside.task{scroll-margin-top:40vh}"
        + ".note{color:#555}.superseded{border:1px solid #b36b00;background:#fff8e6;padding:.5em .8em}"
        + "@media print{nav,.noprint{display:none}body{max-width:none;font-size:11pt}a{color:#222;text-decoration:none}"
        + "aside.task{break-inside:avoid;background:none}tr{break-inside:avoid}.scroll{overflow:visible}}";
}
