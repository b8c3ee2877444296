using System.Text.Json;
using GazetteNotify.Departments;
using GazetteNotify.Mail;
using GazetteNotify.Reminders;
using GazetteNotify.Site;
using GazetteNotify.Storage;
using GazetteNotify.Tests.Support;
using GazetteNotify.Web;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace GazetteNotify.Tests.Reminders;

/// <summary>
/// The reminders job on Azurite with the 2022-06 sample: the right departments on the right days, one mail a day, once
/// per milestone, done tasks silenced — to the outbox and through the SendGrid fake.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class SendDeadlineRemindersTests : IDisposable
{
    private readonly GazetteStorage _storage = AzuriteFixture.NewStorage();
    private readonly FakeTimeProvider _clock = new(At(2022, 6, 10));
    private readonly string _outbox = Directory.CreateTempSubdirectory("gazette-reminders-").FullName;

    public void Dispose() => Directory.Delete(_outbox, recursive: true);

    /// <summary>08:00 China time, when the timer runs.</summary>
    private static DateTimeOffset At(int y, int m, int d) => new(y, m, d, 8, 0, 0, TimeSpan.FromHours(8));

    private LinkTokens Tokens => new(Scenario.LinkSecret, _clock);

    private SendDeadlineReminders Job(IMailTransport? transport = null, EmailBatches? batches = null)
    {
        transport ??= new OutboxTransport(_outbox, new MailboxAddress("提醒", "reminders@gazette.local"));
        return Jobs.Reminders(_storage, batches ?? (IEmailBatchSink)Jobs.InProcess(_storage, transport, _clock), Tokens, SiteSettings.Local, ReminderSettings.Default, _clock);
    }

    private async Task SetUpAsync()
    {
        await Scenario.IngestAsync(_storage, _clock, Samples.Issue2022_06);
        var store = new DepartmentStore(_storage);
        var directory = (await store.LoadAsync())
            .WithEmail("finance", "caizheng@lc.example.gov.cn")
            .WithEmail("finance", "caizheng-office@lc.example.gov.cn")
            .WithEmail("natural-resources", "ziran@lc.example.gov.cn");
        await store.SaveAsync(directory);
    }

    private List<MimeMessage> Mails() => Directory.GetFiles(_outbox, "*.eml").Select(f => MimeMessage.Load(f)).ToList();

    [Fact]
    public async Task Each_department_gets_one_mail_listing_its_tasks_and_a_rerun_sends_nothing()
    {
        await SetUpAsync();
        _clock.SetUtcNow(At(2022, 6, 20));

        var run = await Job().RunAsync();

        // 聊政发〔2022〕6号 items 2 and 16 name 市财政局 (6月底前, due 06-30: the 30-day milestone has passed).
        var finance = run.Plan.Reminders.Single(r => r.Department.Id == "finance");
        Assert.Equal(["2", "16"], finance.Items.Select(i => i.Task.Item));
        Assert.All(finance.Items, i => Assert.Equal((new DateOnly(2022, 6, 30), "30"), (i.Due, i.Milestone)));
        Assert.Equal(2, run.Sent); // finance and natural-resources have addresses
        Assert.Contains(run.WithoutAddress, d => d.Id == "tax");

        var mails = Mails();
        Assert.Equal(["caizheng-office@lc.example.gov.cn", "caizheng@lc.example.gov.cn", "ziran@lc.example.gov.cn"], mails.Select(m => m.To.Mailboxes.Single().Address).Order());
        var mail = mails.First(m => m.To.Mailboxes.Single().Address == "caizheng@lc.example.gov.cn");
        Assert.Equal("聊城市人民政府公报：市财政局有 2 项任务即将到期", mail.Subject);
        Assert.Contains("聊政发〔2022〕6号", mail.TextBody);
        Assert.Contains("6月底前 → 2022年6月30日（还有 10 天）", mail.TextBody);
        Assert.Contains("依法加快涉企资金兑付进度", mail.TextBody); // the item's own text
        Assert.Contains("/tasks/done?token=", mail.TextBody);
        Assert.Contains("/api/departments/finance/calendar.ics?token=", mail.HtmlBody);

        var again = await Job().RunAsync();
        Assert.Equal(0, again.Sent);
        Assert.DoesNotContain(again.Plan.Reminders, r => r.Department.Id == "finance"); // every line is in the ledger
        Assert.Equal(3, Mails().Count);
    }

    [Fact]
    public async Task The_next_milestones_come_on_their_days_overdue_once_and_done_tasks_stop()
    {
        await SetUpAsync();
        _clock.SetUtcNow(At(2022, 6, 20));
        await Job().RunAsync();
        _clock.SetUtcNow(At(2022, 6, 21));
        Assert.Equal(0, (await Job().RunAsync()).Plan.Reminders.Count(r => r.Department.Id == "finance")); // nothing new between milestones

        // Finance marks item 16 (the second line of its mail) done through the link in the mail.
        var link = Mails().First(m => m.To.Mailboxes.Single().Address == "caizheng@lc.example.gov.cn").TextBody!
            .Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("标记为已完成：", StringComparison.Ordinal)).ElementAt(1);
        var token = Uri.UnescapeDataString(link.Split("token=")[1]);
        var handlers = Jobs.TaskHandlers(_storage, Tokens, SiteSettings.Local, _clock);
        Assert.Equal(200, (await handlers.DonePageAsync(token)).Status);
        Assert.Equal(200, (await handlers.DoneAsync(token, "已拨付到位")).Status);

        _clock.SetUtcNow(At(2022, 6, 23));
        var week = await Job().RunAsync();
        var finance = week.Plan.Reminders.Single(r => r.Department.Id == "finance");
        Assert.Equal([("2", "7")], finance.Items.Select(i => (i.Task.Item!, i.Milestone)));

        _clock.SetUtcNow(At(2022, 7, 1));
        var late = (await Job().RunAsync()).Plan.Reminders.Single(r => r.Department.Id == "finance");
        Assert.True(late.Items.Single().Overdue);
        _clock.SetUtcNow(At(2022, 7, 2));
        Assert.DoesNotContain((await Job().RunAsync()).Plan.Reminders, r => r.Department.Id == "finance");

        var financeMails = Mails().Where(m => m.To.Mailboxes.Single().Address == "caizheng@lc.example.gov.cn").ToList();
        Assert.Equal(3, financeMails.Count); // 30 days, 7 days, overdue
        Assert.Single(financeMails, m => (m.Subject ?? "").EndsWith("（其中 1 项已逾期）", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_department_without_an_address_is_caught_up_once_one_is_set()
    {
        await SetUpAsync();
        _clock.SetUtcNow(At(2022, 6, 20));
        var first = await Job().RunAsync();
        Assert.Contains(first.WithoutAddress, d => d.Id == "tax");

        var store = new DepartmentStore(_storage);
        await store.SaveAsync((await store.LoadAsync()).WithEmail("tax", "shuiwu@lc.example.gov.cn"));
        _clock.SetUtcNow(At(2022, 6, 21));
        var next = await Job().RunAsync();

        Assert.Equal(1, next.Sent);
        Assert.Single(Mails(), m => m.To.Mailboxes.Single().Address == "shuiwu@lc.example.gov.cn");
    }

    [Fact]
    public async Task Through_the_queue_and_sendgrid_each_address_gets_the_mail_once()
    {
        using var sendGrid = WireMockServer.Start();
        sendGrid.Given(Request.Create().WithPath("/v3/mail/send").UsingPost()).RespondWith(Response.Create().WithStatusCode(202));
        var transport = new SendGridTransport(
            new SendGrid.SendGridClient(new SendGrid.SendGridClientOptions { ApiKey = "SG.test-key-not-real", Host = sendGrid.Url! }),
            new SendGrid.Helpers.Mail.EmailAddress("reminders@gazette.example"));
        await SetUpAsync();
        _clock.SetUtcNow(At(2022, 6, 20));
        var batches = new EmailBatches(_storage);

        var run = await Job(transport, batches).RunAsync();
        Assert.Equal(2, run.Batches);
        Assert.Equal(0, (await Job(transport, batches).RunAsync()).Batches); // a rerun queues nothing new

        var messages = (await _storage.Queue(_storage.Names.EmailBatches).ReceiveMessagesAsync(10)).Value;
        var consumer = new SendEmailBatch(batches, new DeliveryLedger(_storage, _clock), transport);
        foreach (var message in messages) await consumer.RunAsync(message.MessageText);
        foreach (var message in messages) await consumer.RunAsync(message.MessageText); // redelivered

        var requests = sendGrid.LogEntries.Select(e => JsonDocument.Parse(e.RequestMessage!.Body!).RootElement).ToList();
        Assert.Equal(2, requests.Count);
        var recipients = requests.SelectMany(r => r.GetProperty("personalizations").EnumerateArray())
            .SelectMany(p => p.GetProperty("to").EnumerateArray().Select(t => t.GetProperty("email").GetString())).Order().ToList();
        Assert.Equal(["caizheng-office@lc.example.gov.cn", "caizheng@lc.example.gov.cn", "ziran@lc.example.gov.cn"], recipients);
        var finance = requests.Single(r => r.GetProperty("personalizations").GetArrayLength() == 2);
        Assert.Contains("市财政局", finance.GetProperty("subject").GetString() ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_ledger_keys_what_was_reminded_by_due_date_and_still_honours_rows_written_before_it_did()
    {
        await SetUpAsync();
        _clock.SetUtcNow(At(2022, 6, 20));
        var finance = (await Job().RunAsync(dryRun: true)).Plan.Reminders.Single(r => r.Department.Id == "finance");

        // A row of the earlier layout (partition reminded-{due year}, key without the date) still counts as reminded.
        var deliveries = _storage.Table(_storage.Names.DeliveriesTable);
        var legacy = finance.Items[0];
        await deliveries.AddEntityAsync(new Azure.Data.Tables.TableEntity("reminded-2022", legacy.LedgerKey(finance.Department)));
        var run = await Job().RunAsync();
        Assert.Equal([finance.Items[1].Task.Key], run.Plan.Reminders.Single(r => r.Department.Id == "finance").Items.Select(i => i.Task.Key));

        // Rows are now written in reminded-due-{due year}, keyed by the due date first: a day reads only its window.
        var rows = new List<string>();
        await foreach (var row in deliveries.QueryAsync<Azure.Data.Tables.TableEntity>(r => r.PartitionKey == "reminded-due-2022")) rows.Add(row.RowKey);
        Assert.Contains("2022-06-30|" + finance.Items[1].LedgerKey(finance.Department), rows);
        Assert.All(rows, r => Assert.StartsWith("2022-06-30|", r, StringComparison.Ordinal));
        _clock.SetUtcNow(At(2022, 6, 21));
        Assert.DoesNotContain((await Job().RunAsync()).Plan.Reminders, r => r.Department.Id == "finance");
    }

    [Fact]
    public async Task A_dry_run_plans_but_sends_and_records_nothing()
    {
        await SetUpAsync();
        _clock.SetUtcNow(At(2022, 6, 20));

        var dry = await Job().RunAsync(dryRun: true);
        Assert.NotEmpty(dry.Plan.Reminders);
        Assert.Empty(Mails());
        Assert.Equal(2, (await Job().RunAsync()).Sent); // the real run still sends everything
    }
}
