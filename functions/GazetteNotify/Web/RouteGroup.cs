namespace GazetteNotify.Web;

/// <summary>The allowance a route draws on (docs/adr/0045-request-limits-per-route-group.md).</summary>
public enum RouteGroup
{
    /// <summary>Public pages and feeds: per client, reads.</summary>
    PublicRead,

    /// <summary>POST subscribe: per client, requests and bytes (the per-address limit comes on top).</summary>
    Subscribe,

    /// <summary>GET pages behind a signed link: per token subject when the token is valid, else per client.</summary>
    TokenRead,

    /// <summary>POSTs behind a signed link: per token subject when the token is valid, else per client.</summary>
    TokenWrite,

    /// <summary>Behind the admin key (a function key in Azure): not limited here.</summary>
    Admin,

    /// <summary>Signed by the provider, posted from its shared servers: not limited per client.</summary>
    Webhook,
}
