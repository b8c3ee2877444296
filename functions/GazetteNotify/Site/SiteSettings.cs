namespace GazetteNotify.Site;

/// <summary>
/// The public face every mail and page shares: the base URL of the HTTP routes (for links), the sender, and the
/// gazette's name for subjects — digests, reminders and subscription mails alike. The link-signing secret is read
/// separately and never logged.
/// </summary>
public sealed record SiteSettings(Uri PublicBaseUrl, string FromAddress, string FromName, string GazetteName)
{
    public static SiteSettings Local { get; } = new(new Uri("http://127.0.0.1:7071/"), "alerts@gazette.local", "政府公报订阅提醒", "聊城市人民政府公报");
}
