using GazetteNotify.Hosting;
using GazetteNotify.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GazetteNotify.Cli;

/// <summary>
/// What every command needs: where to write, and the storage it talks to (from configuration). Disposing it disposes
/// the service providers its commands composed.
/// </summary>
public sealed class CliContext(TextWriter output, TextWriter error, Func<GazetteStorage> storage) : IDisposable
{
    private readonly List<ServiceProvider> _providers = [];

    public TextWriter Output { get; } = output;

    public TextWriter Error { get; } = error;

    private GazetteStorage? _storage;

    /// <summary>Created on first use, so `gazette parse` never needs storage settings.</summary>
    public GazetteStorage Storage => _storage ??= storage();

    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Who the admin actions of this CLI are recorded as (AdminAudit): the tool and the local user.</summary>
    public string Who { get; init; } = $"gazette 命令行（{Environment.UserName}）";

    /// <summary>
    /// The link-signing secret: the LinkSigningSecret setting, or for local runs a random one kept in
    /// ~/.gazette/link-secret (created on first use; never in the repo).
    /// </summary>
    public Func<string> LinkSecret { get; init; } = LocalLinkSecret;

    /// <summary>
    /// The settings, by the names the hosts read (local.settings.sample.json; `__` for nesting in the environment):
    /// PublicBaseUrl, Mail__Transport, Mail__Outbox, Mail__From, GazetteName, Reminders__Offsets, …
    /// </summary>
    public IConfiguration Configuration { get; init; } = ConfigurationFromEnvironment();

    /// <summary>
    /// The service as the hosts compose it (<see cref="Hosting.ServiceRegistration.AddGazetteNotify"/>), with three
    /// differences only: this context's storage (its names may carry a prefix), the given clock (`--now`), and a mail
    /// sink that sends in-process (SendEmailBatch) where the hosts queue — so `gazette run alerts` and `gazette remind`
    /// run the hosts' jobs with the hosts' settings. A setting the hosts would refuse at start is refused here, in one line.
    /// </summary>
    public ServiceProvider Services(TimeProvider clock)
    {
        var services = new ServiceCollection().AddGazetteNotify(Configuration, LinkSecret);
        services.AddSingleton(_ => Storage);
        services.AddSingleton(clock);
        services.AddSingleton<Mail.IEmailBatchSink>(sp => sp.GetRequiredService<Mail.SendEmailBatch>());
        var provider = services.BuildServiceProvider();
        lock (_providers) _providers.Add(provider);
        return provider;
    }

    /// <summary>
    /// Disposes every provider <see cref="Services"/> built (each command composes its own; a test process runs
    /// hundreds of commands). Some parts are disposable only asynchronously, hence DisposeAsync, waited for here.
    /// </summary>
    public void Dispose()
    {
        ServiceProvider[] providers;
        lock (_providers)
        {
            providers = [.. _providers];
            _providers.Clear();
        }

        foreach (var provider in providers) provider.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    /// <summary>One of the service's parts, composed as the hosts compose it, on this context's clock (or the one given).</summary>
    public T Service<T>(TimeProvider? clock = null) where T : notnull => Services(clock ?? Clock).GetRequiredService<T>();

    /// <summary>The admin actions: the same code, and the same record, as the admin page's buttons.</summary>
    public Admin.AdminActions Actions() => Service<Admin.AdminActions>();

    private static string LocalLinkSecret() =>
        Environment.GetEnvironmentVariable("LinkSigningSecret") is { Length: >= 32 } configured ? configured : LocalSecret("link-secret");

    /// <summary>
    /// A random secret kept in ~/.gazette/NAME (created on first use, readable by the user only; never in the repo):
    /// the link-signing secret and the admin key of local runs.
    /// </summary>
    public static string LocalSecret(string name)
    {
        var dir = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".gazette");
        var file = Path.Combine(dir, name);
        if (File.Exists(file)) return File.ReadAllText(file).Trim();
        Directory.CreateDirectory(dir);
        var secret = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)).Replace('+', '-').Replace('/', '_').TrimEnd('=');
        File.WriteAllText(file, secret);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return secret;
    }

    /// <summary>Settings from the environment (the names of local.settings.sample.json, `__` for nesting).</summary>
    public static IConfiguration ConfigurationFromEnvironment() => new ConfigurationBuilder().AddEnvironmentVariables().Build();

    /// <summary>
    /// Storage from the environment (GazetteStorage, GazetteStorage__accountName), Azurite by default.
    /// GazetteStorage__prefix (tests, isolation) puts every table and container name under a prefix, as the tests'
    /// own storages are; the Functions app has no such setting (its trigger names are fixed).
    /// </summary>
    public static GazetteStorage StorageFromEnvironment()
    {
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        return new GazetteStorage(StorageSettings.From(configuration), NamesFrom(configuration), StorageClientTuning.Interactive);
    }

    public const string PrefixSetting = "GazetteStorage:prefix";

    /// <summary>The names under GazetteStorage__prefix: letters and digits, starting with a letter (table names allow no more).</summary>
    public static StorageNames NamesFrom(IConfiguration configuration)
    {
        var prefix = configuration[PrefixSetting]?.Trim() ?? "";
        if (prefix.Length > 0 && !(prefix.Length <= 20 && char.IsAsciiLetter(prefix[0]) && prefix.All(char.IsAsciiLetterOrDigit)))
        {
            throw new InvalidOperationException($"GazetteStorage__prefix must be up to 20 letters and digits, starting with a letter (got '{prefix}')");
        }

        return new StorageNames(prefix);
    }

    /// <summary>Exit code when a setting is one the hosts would refuse at start.</summary>
    public const int SettingsExitCode = 2;

    /// <summary>Exit code when storage cannot be reached.</summary>
    public const int StorageUnreachableExitCode = 3;

    /// <summary>Runs a storage command; an unreachable account is one clear line, never a stack trace.</summary>
    public async Task<int> WithStorageAsync(Func<GazetteStorage, Task<int>> run)
    {
        try
        {
            return await run(Storage);
        }
        catch (StorageUnreachableException e)
        {
            await Error.WriteLineAsync($"gazette: {e.Message}");
            return StorageUnreachableExitCode;
        }
        catch (Exception e) when (StorageUnreachableException.IsConnectionFailure(e))
        {
            await Error.WriteLineAsync($"gazette: {StorageUnreachableException.For(Storage.Settings, "blob/table", e).Message}");
            return StorageUnreachableExitCode;
        }
        catch (Azure.RequestFailedException e)
        {
            await Error.WriteLineAsync($"gazette: storage refused the request ({e.Status} {e.ErrorCode})");
            return 1;
        }
        catch (SettingsException e)
        {
            await Error.WriteLineAsync($"gazette: {e.Message}");
            return SettingsExitCode;
        }
    }
}
