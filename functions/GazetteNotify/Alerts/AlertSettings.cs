namespace GazetteNotify.Alerts;

/// <summary>
/// What alerts need besides storage: the public base URL of the HTTP routes (for links), the sender, and the gazette's
/// name for subjects. The link-signing secret is read separately and never logged.
/// </summary>
public sealed record AlertSettings(Uri PublicBaseUrl, string FromAddress, string FromName, string GazetteName)
{
    public static AlertSettings Local { get; } = new(new Uri("http://127.0.0.1:7071/"), "alerts@gazette.local", "政府公报订阅提醒", "聊城市人民政府公报");
}
