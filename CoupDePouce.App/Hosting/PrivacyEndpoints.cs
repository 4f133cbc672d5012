using CoupDePouce.Domain.Privacy;

namespace CoupDePouce.App.Hosting;

/// <summary>Her rights over her data (GDPR): the download of everything the board holds about her, and the page where
/// she deletes her account (decision 025).</summary>
public static class PrivacyEndpoints
{
    public const string ExportPath = "/parametres/mes-donnees";
    public const string DeletePath = "/parametres/supprimer-mon-compte";

    public static IEndpointRouteBuilder MapPrivacyEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // A plain download (no circuit needed): a JSON file, never cached on the way.
        endpoints.MapGet(ExportPath, async (HttpContext http, ExportMemberDataHandler export) =>
        {
            if (http.User.MemberId() is not { } memberId || await export.HandleAsync(new ExportMemberData(memberId), http.RequestAborted) is not { } data)
            {
                return Results.NotFound();
            }

            http.Response.Headers.CacheControl = "no-store";
            return Results.File(data.ToJson(), "application/json; charset=utf-8", $"coupdepouce-mes-donnees-{data.ExportedAt:yyyy-MM-dd}.json");
        }).RequireAuthorization();
        return endpoints;
    }
}
