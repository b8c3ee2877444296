using System.Security.Cryptography;
using System.Text;
using GazetteNotify.Alerts;
using GazetteNotify.Departments;
using GazetteNotify.Mail;
using GazetteNotify.Storage;
using GazetteNotify.Subscriptions;

namespace GazetteNotify.Reminders;

/// <summary>
/// The reminders timer job (daily, 08:00 China time): today's milestones of every open limit → one mail per
/// department listing all of them, to each of its addresses, through the Deliveries ledger; or, with a queue, as
/// email-batches for SendEmailBatch. A rerun the same day sends nothing new; a department without an address is
/// reported and caught up, by its latest milestone, once the admin sets one.
/// </summary>
public sealed class SendDeadlineReminders(
    GazetteStorage storage, IMailTransport transport, LinkTokens tokens, AlertSettings settings, ReminderSettings reminders, TimeProvider clock, EmailBatches? batches = null)
{
    private static readonly TimeSpan ChinaTime = TimeSpan.FromHours(8);

    public static DateOnly ChinaDay(DateTimeOffset at) => DateOnly.FromDateTime(at.ToOffset(ChinaTime).DateTime);

    public async Task<ReminderRun> RunAsync(bool dryRun = false, CancellationToken cancellationToken = default)
    {
        var today = ChinaDay(clock.GetUtcNow());
        var directory = await new DepartmentStore(storage).LoadAsync(cancellationToken);
        var from = today.AddDays(-reminders.OverdueWindowDays);
        var to = today.AddDays(reminders.Offsets.Max());
        var tasks = await new DeadlineSource(storage).DueBetweenAsync(from, to, cancellationToken);
        var ledger = new ReminderLedger(storage, clock);
        var reminded = await ledger.RemindedAsync(from, to, cancellationToken); // every item planned today is due in [from, to]
        var plan = ReminderPlanner.Plan(today, tasks, directory, reminders, reminded);
        var withoutAddress = plan.Reminders.Where(r => r.Department.Emails.Count == 0).Select(r => r.Department).ToList();
        if (dryRun) return new ReminderRun(today, plan, 0, 0, 0, withoutAddress) { DryRun = true };

        var links = new ReminderLinks(tokens, settings);
        var deliveries = new DeliveryLedger(storage, clock);
        var run = ReminderLedger.Run(today);
        int sent = 0, already = 0, failed = 0, queued = 0;
        foreach (var reminder in plan.Reminders)
        {
            if (reminder.Department.Emails.Count == 0) continue; // reported; not marked, so it goes once an address is set
            if (!await ledger.ClaimDayAsync(today, reminder.Department, cancellationToken))
            {
                already++; // today's mail for this department is done: anything new waits for tomorrow
                continue;
            }

            var mail = ReminderRenderer.Render(reminder, links, settings.GazetteName);
            var recipients = reminder.Department.Emails.Select(email =>
            {
                var key = RecipientKey(reminder.Department, email);
                return new BatchRecipient(email, key, DeliveryLedger.DeliveryId(run, key), NoLinks);
            }).ToList();

            if (batches is not null)
            {
                await batches.EnqueueAsync(new EmailBatch(run, mail.Subject, mail.Html, mail.Text, mail.Headers, recipients), cancellationToken);
                queued++;
                await ledger.CompleteDayAsync(today, reminder, DepartmentDayStatus.Done, cancellationToken);
                continue;
            }

            var allSent = true;
            foreach (var recipient in recipients)
            {
                if (!await deliveries.BeginAsync(run, recipient.RecipientKey, cancellationToken)) continue;
                var result = await transport.SendAsync(mail with { To = recipient.Email }, recipient.DeliveryId, cancellationToken);
                await deliveries.CompleteAsync(run, recipient.RecipientKey, result, cancellationToken);
                allSent &= result.Sent;
            }

            if (allSent)
            {
                sent++;
                await ledger.CompleteDayAsync(today, reminder, DepartmentDayStatus.Done, cancellationToken);
            }
            else
            {
                failed++; // the day stays claimed but open: a rerun tries the addresses that failed
            }
        }

        return new ReminderRun(today, plan, sent, already, failed, withoutAddress) { Batches = queued };
    }

    private static readonly RecipientLinks NoLinks = new("", "", "");

    /// <summary>Ledger key of one address of one department: an office mailbox shared by two departments gets both mails.</summary>
    public static string RecipientKey(Department department, string email) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"reminder|{department.Id}|{EmailAddress.Parse(email).Value}")))[..32];
}
