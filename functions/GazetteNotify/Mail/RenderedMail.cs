using GazetteNotify.Site;
namespace GazetteNotify.Mail;

/// <summary>A mail ready for a transport: subject, both parts, and the one-click unsubscribe headers (RFC 8058).</summary>
public sealed record RenderedMail(string To, string Subject, string Html, string Text, IReadOnlyDictionary<string, string> Headers);

/// <summary>The recipient's own links, signed (see <see cref="Site.LinkTokens"/>).</summary>
public sealed record RecipientLinks(string Manage, string Unsubscribe, string OneClickUnsubscribe);
