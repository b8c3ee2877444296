using System.Security.Cryptography;
using System.Text;
using GazetteNotify.Departments;
using GazetteNotify.Mail;
using GazetteNotify.Site;

namespace GazetteNotify.Reminders;

/// <summary>
/// The reminders timer job (daily, 08:00 China time): today's milestones of every open limit → one mail per
/// department listing all of them, to each of its addresses, as an email batch for the mail sink (the email-batches
/// queue in the hosts, SendEmailBatch in-process for `gazette remind`), whose ledger sends each address once. A rerun
/// the same day sends nothing new; a department without an address is reported and caught up, by its latest
/// milestone, once the admin sets one.
/// </summary>
public sealed class SendDeadlineReminders(
    DepartmentStore departments, DeadlineSource deadlines, ReminderLedger ledger, ReminderLinks links, IEmailBatchSink sink,
    SiteSettings settings, ReminderSettings reminders, TimeProvider clock)
{
    public async Task<ReminderRun> RunAsync(bool dryRun = false, CancellationToken cancellationToken = default)
    {
        var today = Time.ChinaTime.Day(clock.GetUtcNow());
        var directory = await departments.LoadAsync(cancellationToken);
        var from = today.AddDays(-reminders.OverdueWindowDays);
        var to = today.AddDays(reminders.Offsets.Max());
        var tasks = await deadlines.DueBetweenAsync(from, to, cancellationToken);
        var reminded = await ledger.RemindedAsync(from, to, cancellationToken); // every item planned today is due in [from, to]
        var plan = ReminderPlanner.Plan(today, tasks, directory, reminders, reminded);
        var withoutAddress = plan.Reminders.Where(r => r.Department.Emails.Count == 0).Select(r => r.Department).ToList();
        if (dryRun) return new ReminderRun(today, plan, 0, 0, 0, withoutAddress) { DryRun = true };

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

            var result = await sink.SubmitAsync(new EmailBatch(run, mail.Subject, mail.Html, mail.Text, mail.Headers, recipients), cancellationToken);
            if (result.Unserved.Count > 0)
            {
                failed++; // the day stays claimed but open: a rerun tries the addresses that failed
                continue;
            }

            if (result.WasQueued) queued++;
            else sent++;
            await ledger.CompleteDayAsync(today, reminder, DepartmentDayStatus.Done, cancellationToken);
        }

        return new ReminderRun(today, plan, sent, already, failed, withoutAddress) { Batches = queued };
    }

    private static readonly RecipientLinks NoLinks = new("", "", "");

    /// <summary>Ledger key of one address of one department: an office mailbox shared by two departments gets both mails.</summary>
    public static string RecipientKey(Department department, string email) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"reminder|{department.Id}|{EmailAddress.Parse(email).Value}")))[..32];
}
