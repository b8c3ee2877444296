namespace GazetteNotify.Storage;

/// <summary>
/// Containers and tables, defined once: the Functions app, the local runner and the CLI all read them from here.
/// A prefix (tests) gives each run its own set inside one account.
/// </summary>
public sealed record StorageNames(string Prefix = "")
{
    /// <summary>Names as constants, for trigger attributes (which need compile-time values).</summary>
    public const string IssuesContainerName = "gazette-issues";

    public const string EmailBatchesQueueName = "email-batches";

    /// <summary>Where the queue trigger moves a message after its max dequeue count.</summary>
    public const string EmailBatchesPoisonQueueName = EmailBatchesQueueName + "-poison";

    public string IssuesContainer => Container(IssuesContainerName);

    public string ParsedContainer => Container("gazette-parsed");

    public string QuarantineContainer => Container("gazette-quarantine");

    /// <summary>Digest batches: the queue the planner fills and SendEmailBatch drains; the payloads sit in a container of the same name.</summary>
    public string EmailBatches => Container(EmailBatchesQueueName);

    public string EmailBatchesPoison => Container(EmailBatchesPoisonQueueName);

    public string IssuesTable => Prefix + "Issues";

    public string DocumentsTable => Prefix + "Documents";

    public string TasksTable => Prefix + "Tasks";

    /// <summary>Each department's part of a task: partition = issue key, row = doc|task|department id.</summary>
    public string TaskUnitsTable => Prefix + "TaskUnits";

    public string DeadlinesTable => Prefix + "Deadlines";

    /// <summary>One row per distinct upload content (SHA-256): who is ingesting it, and what it became.</summary>
    public string ReceiptsTable => Prefix + "Receipts";

    /// <summary>Subscriptions: partition = 2 hex characters of SHA-256(address), row = the normalised address.</summary>
    public string SubscribersTable => Prefix + "Subscribers";

    /// <summary>Mailed subscribe requests with their own preferences (partition = SHA-256(address)), and per inbox its last subscription mail.</summary>
    public string SubscribeRequestsTable => Prefix + "SubscribeRequests";

    /// <summary>The e-mail ledger: partition = job run, row = recipient (hashed) — written before a send, completed after.</summary>
    public string DeliveriesTable => Prefix + "Deliveries";

    /// <summary>Addresses never mailed again (hard bounce, spam report): partition = 2 hex of SHA-256, row = address.</summary>
    public string SuppressionsTable => Prefix + "Suppressions";

    /// <summary>Watermarks and other small state of the timer jobs.</summary>
    public string JobStateTable => Prefix + "JobState";

    /// <summary>The department directory: partition `departments`, row = department id (names, aliases, addresses as JSON).</summary>
    public string DepartmentsTable => Prefix + "Departments";

    /// <summary>Batches that failed every delivery attempt: what they were, why, and when — for the admin.</summary>
    public string PoisonedBatchesTable => Prefix + "PoisonedBatches";

    /// <summary>What admins did (settle, addresses, retry, re-ingest): who, when, what, with what outcome. Partition = month.</summary>
    public string AdminActionsTable => Prefix + "AdminActions";

    public IEnumerable<string> Containers => [IssuesContainer, ParsedContainer, QuarantineContainer, EmailBatches];

    public IEnumerable<string> Queues => [EmailBatches, EmailBatchesPoison];

    /// <summary>SendGrid events already processed (partition = event day, row = sg_event_id): a replayed post does nothing twice.</summary>
    public string WebhookEventsTable => Prefix + "WebhookEvents";

    public IEnumerable<string> Tables => [IssuesTable, DocumentsTable, TasksTable, TaskUnitsTable, DeadlinesTable, ReceiptsTable, SubscribersTable, SubscribeRequestsTable, DeliveriesTable, JobStateTable, SuppressionsTable, DepartmentsTable, PoisonedBatchesTable, AdminActionsTable, WebhookEventsTable];

    private string Container(string name) => Prefix.Length == 0 ? name : $"{Prefix.ToLowerInvariant()}-{name}";
}
