using Microsoft.Extensions.Logging;

namespace GazetteNotify.Web;

/// <summary>
/// One line per refused request (too large, malformed, over its allowance): the route, the status and why — never the
/// caller's address, a token or a field's value. The Functions worker writes it to its logger (Application Insights);
/// `gazette serve` to its own progress lines.
/// </summary>
public sealed class RequestLog(Action<string> write)
{
    public void Refused(string route, int status, string why) => write($"http: {route} refused {status}: {why}");

    public static RequestLog To(ILogger? logger) => new(line =>
    {
        if (logger is not null) LogLine(logger, line, null);
    });

    private static readonly Action<ILogger, string, Exception?> LogLine =
        LoggerMessage.Define<string>(LogLevel.Warning, new EventId(4130, "RequestRefused"), "{Line}");
}
