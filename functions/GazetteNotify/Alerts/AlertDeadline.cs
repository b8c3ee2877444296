using GazetteNotify.Documents;

namespace GazetteNotify.Alerts;

/// <summary>A time limit coming up, with the document that sets it (so it can be matched like the document).</summary>
public sealed record AlertDeadline(DateOnly Date, string Phrase, AlertDocument Source, IReadOnlyList<string> Units);
