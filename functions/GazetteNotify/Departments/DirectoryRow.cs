using System.Runtime.Serialization;
using GazetteNotify.Ingestion;
using GazetteNotify.Storage;

namespace GazetteNotify.Departments;

/// <summary>
/// A row of the Departments table, the directory as the admin keeps it. One type for its three kinds, told apart by the
/// partition: <c>departments</c> (row = department id: name, aliases, addresses), <c>groups</c> (row = the group's name:
/// aliases, members) and <c>not-recipients</c> (row = a collective name that is nobody's address). One type, so the whole
/// directory loads in one query.
/// </summary>
[StoredIn("Departments")]
public sealed class DirectoryRow : TableRow
{
    public string? Name { get; set; }

    /// <summary>Other names the department or group goes by in gazettes.</summary>
    [IgnoreDataMember]
    public IReadOnlyList<string> Aliases { get => JsonColumn.Read(AliasesJson); set => AliasesJson = JsonColumn.Write(value); }

    [DataMember(Name = "Aliases")]
    public string? AliasesJson { get; set; }

    /// <summary>A department's addresses.</summary>
    [IgnoreDataMember]
    public IReadOnlyList<string> Emails { get => JsonColumn.Read(EmailsJson); set => EmailsJson = JsonColumn.Write(value); }

    [DataMember(Name = "Emails")]
    public string? EmailsJson { get; set; }

    /// <summary>A group's member departments (ids or names).</summary>
    [IgnoreDataMember]
    public IReadOnlyList<string> Members { get => JsonColumn.Read(MembersJson); set => MembersJson = JsonColumn.Write(value); }

    [DataMember(Name = "Members")]
    public string? MembersJson { get; set; }
}
