using GazetteNotify.Parsing.Model;

namespace GazetteNotify.Alerts;

/// <summary>A newly published document as alerts see it: the issue it came in, the document, and its text for keywords.</summary>
public sealed record AlertDocument(string IssueKey, string IssueName, GazetteDocument Document, string Text);

/// <summary>A time limit coming up, with the document that sets it (so it can be matched like the document).</summary>
public sealed record AlertDeadline(DateOnly Date, string Phrase, AlertDocument Source, IReadOnlyList<string> Units);
