namespace GazetteNotify.Formats;

/// <summary>The kind of file an upload is, decided from its bytes, never from its name.</summary>
public enum UploadFormat
{
    Text,
    Pdf,
    Word,
    Html,
}
