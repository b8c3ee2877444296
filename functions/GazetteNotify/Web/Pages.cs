using GazetteNotify.Html;
using GazetteNotify.Subscriptions;

namespace GazetteNotify.Web;

/// <summary>
/// The public pages, typed: each is a component in the one <see cref="PageLayout"/> (Chinese, one column, readable on a
/// phone, working without JavaScript), rendered by <see cref="ComponentHtml"/>, which encodes every value; forms post
/// back to the same routes.
/// </summary>
public static class Pages
{
    /// <summary>A page that says what happened, with a link onwards when there is one.</summary>
    public static string Message(string title, string text, string? linkText = null, string? link = null, bool forAdmins = false) =>
        ComponentHtml.Render<MessagePage>(new()
            { [nameof(MessagePage.Title)] = title, [nameof(MessagePage.Text)] = text, [nameof(MessagePage.LinkText)] = linkText,
              [nameof(MessagePage.Link)] = link, [nameof(MessagePage.ForAdmins)] = forAdmins });

    /// <summary>The subscription form as first shown: what it is for, the form, the feeds.</summary>
    public static string Subscribe(string title, string action, Uri baseUrl) => ComponentHtml.Render<SubscribePage>(new()
        { [nameof(SubscribePage.Title)] = title, [nameof(SubscribePage.Action)] = action, [nameof(SubscribePage.Feeds)] = baseUrl });

    /// <summary>The subscription form back with the address as submitted and why it was not taken.</summary>
    public static string SubscribeAgain(string action, string? email, string error) => ComponentHtml.Render<SubscribePage>(new()
        { [nameof(SubscribePage.Title)] = "订阅", [nameof(SubscribePage.Action)] = action, [nameof(SubscribePage.Email)] = email,
          [nameof(SubscribePage.Error)] = error });

    public static string Manage(string maskedEmail, string action, Preferences preferences, string unsubscribeLink) =>
        ComponentHtml.Render<ManagePage>(new()
            { [nameof(ManagePage.MaskedEmail)] = maskedEmail, [nameof(ManagePage.Action)] = action, [nameof(ManagePage.Preferences)] = preferences,
              [nameof(ManagePage.UnsubscribeLink)] = unsubscribeLink });

    /// <summary>The confirm link's page: the address (masked), what the request asked for, and the button that confirms.</summary>
    public static string Confirm(string gazetteName, string maskedEmail, Preferences requested, string action) => ComponentHtml.Render<ConfirmPage>(new()
        { [nameof(ConfirmPage.GazetteName)] = gazetteName, [nameof(ConfirmPage.MaskedEmail)] = maskedEmail,
          [nameof(ConfirmPage.Requested)] = requested, [nameof(ConfirmPage.Action)] = action });

    public static string Unsubscribe(string gazetteName, string action) => ComponentHtml.Render<UnsubscribePage>(new()
        { [nameof(UnsubscribePage.GazetteName)] = gazetteName, [nameof(UnsubscribePage.Action)] = action });

    /// <summary>A reminder's task link: the task, the department's own state, how far the others sharing it are, and the button (with a note field when marking it done).</summary>
    public static string Task(string button, string department, string? docNumber, string? item, string? excerpt, string state, string shared, string action, bool asksForNote) =>
        ComponentHtml.Render<TaskPage>(new()
            { [nameof(TaskPage.Button)] = button, [nameof(TaskPage.Department)] = department, [nameof(TaskPage.DocNumber)] = docNumber,
              [nameof(TaskPage.Item)] = item, [nameof(TaskPage.Excerpt)] = excerpt, [nameof(TaskPage.State)] = state,
              [nameof(TaskPage.Shared)] = shared, [nameof(TaskPage.Action)] = action, [nameof(TaskPage.AsksForNote)] = asksForNote });
}
