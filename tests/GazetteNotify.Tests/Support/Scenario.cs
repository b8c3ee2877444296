using GazetteNotify.Ingestion;
using GazetteNotify.Mail;
using GazetteNotify.Storage;
using GazetteNotify.Subscriptions;

namespace GazetteNotify.Tests.Support;

/// <summary>Steps the storage-backed alert tests share: a sample ingested, a subscriber confirmed.</summary>
public static class Scenario
{
    public const string LinkSecret = "a-test-secret-that-is-long-enough-32b";

    public static async Task IngestAsync(GazetteStorage storage, TimeProvider clock, string sample, string? blobName = null)
    {
        await storage.EnsureCreatedAsync();
        await storage.Issues.GetBlobClient(blobName ?? sample).UploadAsync(new BinaryData(Samples.Bytes(sample)), overwrite: true);
        await new IngestIssue(storage, clock).RunAsync(blobName ?? sample);
    }

    public static async Task SubscribeAsync(GazetteStorage storage, TimeProvider clock, string email, Preferences preferences)
    {
        var store = new SubscriberStore(storage, clock);
        var request = await store.RequestAsync(EmailAddress.Parse(email), preferences);
        if (request.RequestId is null) throw new InvalidOperationException($"{email}: no confirmation went ({request.Outcome})");
        await store.ConfirmAsync(EmailAddress.Parse(email), request.RequestId);
    }

    public static Preferences Keywords(params string[] keywords) => new([], keywords, [], [], DigestFrequency.EachIssue);
}
