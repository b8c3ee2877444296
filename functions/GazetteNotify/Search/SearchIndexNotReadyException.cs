namespace GazetteNotify.Search;

/// <summary>The index is still being built for the first time on this instance: the reader is asked to try again shortly.</summary>
public sealed class SearchIndexNotReadyException() : Exception("the archive's search index is being built");
