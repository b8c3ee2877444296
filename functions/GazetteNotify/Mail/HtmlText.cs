using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace GazetteNotify.Mail;

/// <summary>The one HTML escaper of mails and pages: markup characters escaped, Chinese kept as UTF-8 text.</summary>
public static class HtmlText
{
    public static HtmlEncoder Encoder { get; } = HtmlEncoder.Create(UnicodeRanges.All);

    public static string Escape(string? value) => Encoder.Encode(value ?? "");
}
