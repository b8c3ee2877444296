namespace GazetteNotify.Hosting;

/// <summary>A setting the service cannot start with: the message is the one line the admin reads (no value, no secret).</summary>
public sealed class SettingsException(string message) : InvalidOperationException(message);
