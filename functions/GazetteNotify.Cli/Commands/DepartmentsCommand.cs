using System.CommandLine;
using GazetteNotify.Departments;
using GazetteNotify.Mail;

namespace GazetteNotify.Cli.Commands;

/// <summary>`gazette departments list|missing|import FILE|export|set-email NAME EMAIL|unmapped`: the department directory.</summary>
public static class DepartmentsCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("departments", "The department directory that deadline reminders are addressed from.");
        command.Subcommands.Add(List(context));
        command.Subcommands.Add(Missing(context));
        command.Subcommands.Add(Import(context));
        command.Subcommands.Add(Export(context));
        command.Subcommands.Add(SetEmail(context));
        command.Subcommands.Add(Unmapped(context));
        return command;
    }

    private static Command List(CliContext context)
    {
        var command = new Command("list", "List departments with their aliases and addresses, and the groups.");
        command.SetAction((_, cancellationToken) => context.WithStorageAsync(async storage =>
        {
            var directory = await context.Service<DepartmentStore>().LoadAsync(cancellationToken);
            foreach (var d in directory.Departments.OrderBy(d => d.Id, StringComparer.Ordinal))
            {
                var emails = d.Emails.Count == 0 ? "(no address)" : string.Join(", ", d.Emails.Select(e => EmailAddress.Parse(e).Value));
                await context.Output.WriteLineAsync($"{d.Id,-28} {d.Name}  {emails}" + (d.Aliases.Count > 0 ? $"  aka {string.Join("、", d.Aliases)}" : ""));
            }

            foreach (var g in directory.Groups) await context.Output.WriteLineAsync($"group {g.Name} → {string.Join("、", g.Members)}");
            await context.Output.WriteLineAsync($"{directory.Departments.Count} departments, {directory.Groups.Count} groups, {directory.Departments.Count(d => d.Emails.Count == 0)} without an address");
            return 0;
        }));
        return command;
    }

    private static Command Missing(CliContext context)
    {
        var command = new Command("missing", "Departments without an e-mail address: they get no deadline reminders.");
        command.SetAction((_, cancellationToken) => context.WithStorageAsync(async storage =>
        {
            var directory = await context.Service<DepartmentStore>().LoadAsync(cancellationToken);
            var missing = directory.Departments.Where(d => d.Emails.Count == 0).OrderBy(d => d.Id, StringComparer.Ordinal).ToList();
            foreach (var d in missing) await context.Output.WriteLineAsync($"{d.Id,-28} {d.Name}");
            await context.Output.WriteLineAsync($"{missing.Count} of {directory.Departments.Count} departments have no address — `gazette departments set-email NAME EMAIL`");
            return 0;
        }));
        return command;
    }

    private static Command Import(CliContext context)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "A directory in the format of departments.liaocheng.json (UTF-8)." };
        var replace = new Option<bool>("--replace") { Description = "Replace the directory instead of merging into it." };
        var command = new Command("import", "Merge (or replace) departments, aliases, addresses and groups from a JSON file.") { file, replace };
        command.SetAction((result, cancellationToken) =>
        {
            var path = result.GetValue(file)!;
            DepartmentDirectory imported;
            try
            {
                imported = DepartmentDirectory.FromJson(File.ReadAllText(path.FullName));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or ArgumentException or System.Text.Json.JsonException or InvalidDataException)
            {
                context.Error.WriteLine($"gazette departments import: {path.Name}: {e.Message}");
                return Task.FromResult(1);
            }

            if (imported.Departments.SelectMany(d => d.Emails).FirstOrDefault(e => !EmailAddress.TryParse(e, out _)) is { } bad)
            {
                context.Error.WriteLine($"gazette departments import: {path.Name}: not a valid e-mail address: {bad}");
                return Task.FromResult(1);
            }

            return context.WithStorageAsync(async storage =>
            {
                // Through the admin actions (recorded as the admin page's import is); the file was checked above.
                await context.Actions().ImportDepartmentsAsync(File.ReadAllText(path.FullName), result.GetValue(replace), context.Who, cancellationToken);
                var directory = await context.Service<DepartmentStore>().LoadAsync(cancellationToken);
                await context.Output.WriteLineAsync($"departments: {imported.Departments.Count} imported, {directory.Departments.Count} in the directory");
                return 0;
            });
        });
        return command;
    }

    private static Command Export(CliContext context)
    {
        var command = new Command("export", "Print the directory as JSON (the import format).");
        command.SetAction((_, cancellationToken) => context.WithStorageAsync(async storage =>
        {
            await context.Output.WriteLineAsync((await context.Service<DepartmentStore>().LoadAsync(cancellationToken)).ToJson());
            return 0;
        }));
        return command;
    }

    private static Command SetEmail(CliContext context)
    {
        var name = new Argument<string>("NAME") { Description = "Department id, name or alias." };
        var email = new Argument<string>("EMAIL");
        var command = new Command("set-email", "Add an e-mail address to a department.") { name, email };
        command.SetAction((result, cancellationToken) =>
        {
            if (!EmailAddress.TryParse(result.GetValue(email), out var address))
            {
                context.Error.WriteLine("gazette departments set-email: not a valid e-mail address");
                return Task.FromResult(1);
            }

            return context.WithStorageAsync(async storage =>
            {
                var directory = await context.Service<DepartmentStore>().LoadAsync(cancellationToken);
                if (directory.Find(result.GetValue(name)!) is not { } department)
                {
                    await context.Error.WriteLineAsync($"gazette departments set-email: no department named {result.GetValue(name)} (see `gazette departments list`)");
                    return 1;
                }

                var done = await context.Actions().SetDepartmentEmailAsync(department.Id, address!.Value, context.Who, cancellationToken);
                await context.Output.WriteLineAsync(done.Changed ? $"{department.Name} ({department.Id}): {address.Masked()} added" : $"{department.Name} ({department.Id}): {address.Masked()} already there");
                return 0;
            });
        });
        return command;
    }

    private static Command Unmapped(CliContext context)
    {
        var command = new Command("unmapped", "Units named in stored tasks that reach no department, with the documents naming them.");
        command.SetAction((_, cancellationToken) => context.WithStorageAsync(async storage =>
        {
            var (unreached, named) = await context.Service<UnmappedUnits>().ListAsync(cancellationToken);
            foreach (var unit in unreached)
            {
                var label = unit.Resolution.Kind == ResolutionKind.NotRecipient ? "not a recipient" : unit.Resolution.How;
                await context.Output.WriteLineAsync($"{unit.Name}  ({label})  named in {string.Join(", ", unit.NamedIn)}");
            }

            await context.Output.WriteLineAsync($"{unreached.Count} of {named} units reach no department");
            return 0;
        }));
        return command;
    }
}
