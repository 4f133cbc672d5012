using CoupDePouce.Domain.Common;
using CoupDePouce.Domain.HelpRequests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoupDePouce.Tests.App;

/// <summary>The posting form runs over the live circuit, so it is driven in Chromium (EndToEnd); here the host's
/// own wiring of the use case it calls is checked with bad input.</summary>
[Collection(HostCollection.Name)]
public sealed class PostingThroughTheHostTests(HostFixture host)
{
    [Fact]
    public async Task RejectsInvalidInputAndStoresNothing()
    {
        using var _ = Support.CultureScope.French();
        using var client = host.Browser();
        await client.GetAsync("/health");
        var sophie = await host.QueryAsync(db => db.Members.Where(m => m.Email == "sophie.bernard@coupdepouce.demo").Select(m => m.Id).SingleAsync());
        var before = await host.QueryAsync(db => db.HelpRequests.CountAsync());
        using var scope = host.Services.CreateScope();
        var post = scope.ServiceProvider.GetRequiredService<PostHelpRequestHandler>();

        var tooShort = await post.HandleAsync(new PostHelpRequest(sophie, "Court", "Détails bien trop courts", 1, Visibility.Network));
        var unknownTheme = await post.HandleAsync(new PostHelpRequest(sophie, "Un titre assez long", "Des détails suffisamment longs pour passer.", 77, Visibility.Network));
        var forged = await post.HandleAsync(new PostHelpRequest(sophie, "Un titre assez long", "Des détails suffisamment longs pour passer.", 1, Visibility.Network, CoordinationId: 2));

        Assert.All(new[] { tooShort, unknownTheme, forged }, r => Assert.Equal(FailureKind.Invalid, r.Failure));
        Assert.Equal(before, await host.QueryAsync(db => db.HelpRequests.CountAsync()));
    }
}
