using GazetteNotify.Reminders;
using GazetteNotify.Site;
using GazetteNotify.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace GazetteNotify.Tests.Reminders;

/// <summary>A reminder's 查看原文 link: the task's anchor on its document's page, with nothing of the department in it.</summary>
public sealed class ReminderLinksTests
{
    private readonly ReminderLinks _links = new(new LinkTokens(Scenario.LinkSecret, new FakeTimeProvider()), SiteSettings.Local);

    [Fact]
    public void A_task_links_to_its_anchor_on_its_documents_page()
    {
        Assert.Equal("http://127.0.0.1:7071/documents/2022-06/01#task-003", _links.Task("2022-06|01|003"));
        Assert.Equal("http://127.0.0.1:7071/documents/doc-%E8%81%8A%E6%94%BF%E5%8A%9E%E5%AD%97%E3%80%942022%E3%80%9522%E5%8F%B7/01#task-001",
            _links.Task("doc-聊政办字〔2022〕22号|01|001"));
        Assert.Null(_links.Task("not-a-task-key"));
    }
}
