using System.Text.Json;
using GazetteNotify.Storage;

namespace GazetteNotify.Mail;

/// <summary>
/// The email-batches queue: a batch's payload (up to 1,000 recipients with their links — more than a 64 KB queue
/// message holds) goes to a blob of the same-named container, and the message carries the blob's name. The sink of the
/// mail jobs in the hosts.
/// </summary>
public sealed class EmailBatches(GazetteStorage storage) : IEmailBatchSink
{
    /// <summary>The hosts' sink: the batch is queued, and SendEmailBatch sends it when the message comes round.</summary>
    public async Task<BatchResult> SubmitAsync(EmailBatch batch, CancellationToken cancellationToken = default)
    {
        await EnqueueAsync(batch, cancellationToken);
        return BatchResult.Queued;
    }

    public async Task<string> EnqueueAsync(EmailBatch batch, CancellationToken cancellationToken = default)
    {
        if (batch.Recipients.Count > EmailBatch.MaxRecipients) throw new ArgumentException($"at most {EmailBatch.MaxRecipients} recipients per batch", nameof(batch));
        var name = $"{batch.Run}/{Guid.NewGuid():N}.json";
        await storage.Container(storage.Names.EmailBatches).GetBlobClient(name)
            .UploadAsync(new BinaryData(JsonSerializer.SerializeToUtf8Bytes(batch)), cancellationToken);
        await storage.Queue(storage.Names.EmailBatches).SendMessageAsync(JsonSerializer.Serialize(new BatchMessage(name)), cancellationToken);
        return name;
    }

    /// <summary>
    /// Puts the message back, visible after <paramref name="delay"/>, as a new message: the caller then completes the
    /// one in hand. Unlike a failed attempt, this does not count towards the poison threshold — for a batch that only
    /// waits for deliveries another worker holds (see <see cref="SendEmailBatch.RunOrDeferAsync"/>).
    /// </summary>
    public Task DeferAsync(string messageText, TimeSpan delay, CancellationToken cancellationToken = default) =>
        storage.Queue(storage.Names.EmailBatches).SendMessageAsync(messageText, visibilityTimeout: delay, cancellationToken: cancellationToken);

    public async Task<EmailBatch> ReadAsync(string messageText, CancellationToken cancellationToken = default)
    {
        var message = JsonSerializer.Deserialize<BatchMessage>(messageText) ?? throw new InvalidDataException("not an email-batches message");
        var content = await storage.Container(storage.Names.EmailBatches).GetBlobClient(message.Blob).DownloadContentAsync(cancellationToken);
        return content.Value.Content.ToObjectFromJson<EmailBatch>() ?? throw new InvalidDataException($"{message.Blob} is not a batch");
    }

    public sealed record BatchMessage(string Blob);
}
