using System.CommandLine;
using System.Globalization;
using GazetteNotify.Mail;
using GazetteNotify.Subscriptions;

namespace GazetteNotify.Cli.Commands;

/// <summary>`gazette subscribers list|add|remove|export`: the admin's view of subscriptions.</summary>
public static class SubscribersCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("subscribers", "List, add, remove or export subscribers.");
        command.Subcommands.Add(List(context));
        command.Subcommands.Add(Add(context));
        command.Subcommands.Add(Remove(context));
        command.Subcommands.Add(Export(context));
        return command;
    }

    private static Command List(CliContext context)
    {
        var command = new Command("list", "List subscriptions with their status and preferences.");
        command.SetAction((_, cancellationToken) => context.WithStorageAsync(async storage =>
        {
            var count = 0;
            await foreach (var s in context.Service<SubscriberStore>().ListAsync(cancellationToken: cancellationToken))
            {
                count++;
                var p = s.Preferences;
                await context.Output.WriteLineAsync($"{s.Email.Value,-36} {s.Status,-12} {p.Frequency,-9} topics {string.Join(",", p.Topics)} · keywords {string.Join("、", p.Keywords)} · issuers {string.Join("、", p.Issuers)} · prefixes {string.Join("、", p.DocNumberPrefixes)} · follows {string.Join("、", p.Follows)}");
            }

            await context.Output.WriteLineAsync($"{count} subscriptions");
            return 0;
        }));
        return command;
    }

    private static Command Add(CliContext context)
    {
        var email = new Argument<string>("EMAIL");
        var topics = new Option<string[]>("--topic") { Description = "Topic id (see topics.json); repeatable.", AllowMultipleArgumentsPerToken = true };
        var keywords = new Option<string[]>("--keyword") { Description = "Chinese phrase to match; repeatable.", AllowMultipleArgumentsPerToken = true };
        var issuers = new Option<string[]>("--issuer") { Description = "Issuing body (or part of its name); repeatable.", AllowMultipleArgumentsPerToken = true };
        var prefixes = new Option<string[]>("--prefix") { Description = "Doc-number prefix such as 聊政办字; repeatable.", AllowMultipleArgumentsPerToken = true };
        var follows = new Option<string[]>("--follow") { Description = "Doc number to follow (told when cited or repealed); repeatable.", AllowMultipleArgumentsPerToken = true };
        var frequency = new Option<DigestFrequency>("--frequency") { Description = "EachIssue, Daily or Weekly.", DefaultValueFactory = _ => DigestFrequency.EachIssue };
        var now = new Option<string?>("--now") { Description = "Record the subscription as made at this day (yyyy-MM-dd, 08:00 China time) or moment." };
        var command = new Command("add", "Add an active subscription (an admin's own act: no confirmation mail).") { email, topics, keywords, issuers, prefixes, follows, frequency, now };
        command.SetAction((result, cancellationToken) =>
        {
            if (!RunCommand.TryClock(context, result.GetValue(now), out var clock)) return Task.FromResult(1);
            if (!EmailAddress.TryParse(result.GetValue(email), out var address))
            {
                context.Error.WriteLine("gazette subscribers add: not a valid e-mail address");
                return Task.FromResult(1);
            }

            var preferences = new Preferences(result.GetValue(topics) ?? [], result.GetValue(keywords) ?? [], result.GetValue(issuers) ?? [],
                result.GetValue(prefixes) ?? [], result.GetValue(frequency)) { Follows = result.GetValue(follows) ?? [] };
            if (preferences.Normalised().IsEmpty)
            {
                context.Error.WriteLine("gazette subscribers add: give at least one --topic, --keyword, --issuer, --prefix or --follow");
                return Task.FromResult(1);
            }

            return context.WithStorageAsync(async storage =>
            {
                var store = context.Service<SubscriberStore>(clock);
                var active = await store.ActivateAsync(address!, preferences, cancellationToken);
                await context.Output.WriteLineAsync($"{address!.Value}: {active.Status.ToString().ToLowerInvariant()}");
                return 0;
            });
        });
        return command;
    }

    private static Command Remove(CliContext context)
    {
        var email = new Argument<string>("EMAIL");
        var command = new Command("remove", "Unsubscribe an address (erased after the retention period).") { email };
        command.SetAction((result, cancellationToken) =>
        {
            if (!EmailAddress.TryParse(result.GetValue(email), out var address))
            {
                context.Error.WriteLine("gazette subscribers remove: not a valid e-mail address");
                return Task.FromResult(1);
            }

            return context.WithStorageAsync(async storage =>
            {
                var gone = await context.Service<SubscriberStore>().UnsubscribeAsync(address!, cancellationToken);
                await context.Output.WriteLineAsync(gone is null ? $"{address!.Value}: no such subscription" : $"{address!.Value}: unsubscribed");
                return gone is null ? 1 : 0;
            });
        });
        return command;
    }

    private static Command Export(CliContext context)
    {
        var command = new Command("export", "Write all subscriptions as CSV (UTF-8) to standard output.");
        command.SetAction((_, cancellationToken) => context.WithStorageAsync(async storage =>
        {
            await context.Output.WriteLineAsync("email,status,frequency,topics,keywords,issuers,prefixes,created,confirmed,unsubscribed");
            await foreach (var s in context.Service<SubscriberStore>().ListAsync(cancellationToken: cancellationToken))
            {
                var p = s.Preferences;
                string[] cells = [s.Email.Value, s.Status.ToString(), p.Frequency.ToString(), string.Join(";", p.Topics), string.Join(";", p.Keywords),
                    string.Join(";", p.Issuers), string.Join(";", p.DocNumberPrefixes), Iso(s.CreatedAt), Iso(s.ConfirmedAt), Iso(s.UnsubscribedAt)];
                await context.Output.WriteLineAsync(string.Join(",", cells.Select(Csv)));
            }

            return 0;
        }));
        return command;
    }

    private static string Iso(DateTimeOffset? at) => at?.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture) ?? "";

    /// <summary>RFC 4180 quoting, and a leading = + - @ neutralised so a spreadsheet never runs a cell as a formula.</summary>
    private static string Csv(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@') value = "'" + value;
        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
