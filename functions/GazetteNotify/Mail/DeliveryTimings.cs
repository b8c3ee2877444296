using System.Globalization;

namespace GazetteNotify.Mail;

/// <summary>
/// How long the Deliveries ledger waits before it takes a delivery out of a worker's hands (<see cref="SendingLease"/>)
/// and before it sends a delivery that may have reached the provider again (<see cref="UncertainWindow"/>, counted from
/// the claim). Settings Mail:SendingLease and Mail:UncertainWindow (c# TimeSpan, 00:10:00) override them — a test
/// shrinks both to seconds; production keeps the defaults (docs/adr/0047-uncertain-deliveries-wait-for-sendgrids-events.md).
/// </summary>
public sealed record DeliveryTimings(TimeSpan SendingLease, TimeSpan UncertainWindow)
{
    public const string SendingLeaseSetting = "Mail:SendingLease";
    public const string UncertainWindowSetting = "Mail:UncertainWindow";

    public static DeliveryTimings Default { get; } = new(DeliveryLedger.SendingLease, DeliveryLedger.UncertainWindow);

    /// <summary>The defaults with what is set; a window shorter than the lease is raised to it (it starts at the same claim).</summary>
    public static DeliveryTimings Parse(string? sendingLease, string? uncertainWindow)
    {
        var lease = Read(sendingLease, SendingLeaseSetting) ?? Default.SendingLease;
        var window = Read(uncertainWindow, UncertainWindowSetting) ?? Default.UncertainWindow;
        return new DeliveryTimings(lease, window < lease ? lease : window);
    }

    private static TimeSpan? Read(string? value, string setting)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out var span) && span > TimeSpan.Zero) return span;
        throw new FormatException($"{setting} must be a positive time span such as 00:10:00 (got '{value}')");
    }
}
