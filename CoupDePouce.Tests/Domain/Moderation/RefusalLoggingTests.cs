using CoupDePouce.Domain.HelpRequests;
using CoupDePouce.Domain.Moderation;
using CoupDePouce.Domain.Reports;
using CoupDePouce.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CoupDePouce.Tests.Domain.Moderation;

/// <summary>Attempts that are refused leave a trace: a request opened by its address by someone it is not for, a
/// coordinatrice of Lyon acting on a Rennes request.</summary>
public sealed class RefusalLoggingTests : IAsyncLifetime
{
    private readonly CultureScope _culture = CultureScope.French();
    private readonly CapturedLogs _log = new();
    private TestNetwork _network = default!;

    public async Task InitializeAsync() =>
        _network = await TestNetwork.CreateAsync(services => services.AddSingleton<ILoggerProvider>(_log));

    public async Task DisposeAsync()
    {
        await _network.DisposeAsync();
        _culture.Dispose();
    }

    [Fact]
    public async Task OpeningAConfidentialRequestFromAnotherCoordinationIsLogged()
    {
        var rennes = await _network.AddCoordinationAsync("Rennes");
        var lyon = await _network.AddCoordinationAsync("Lyon");
        var request = await _network.PostAsync(await _network.AddMemberAsync(rennes), Visibility.Coordination);
        var outsider = await _network.AddMemberAsync(lyon);

        Assert.Null(await _network.Get<ViewHelpRequestHandler>().HandleAsync(new ViewHelpRequest(request, outsider)));

        Assert.Contains(_log.Warnings, w => w.Contains(outsider.ToString()) && w.Contains($"request {request}"));
    }

    [Fact]
    public async Task ACoordinatriceActingOnAnotherCoordinationsRequestIsLogged()
    {
        var rennes = await _network.AddCoordinationAsync("Rennes");
        var lyon = await _network.AddCoordinationAsync("Lyon");
        var request = await _network.PostAsync(await _network.AddMemberAsync(rennes), Visibility.Network);
        var ofLyon = await _network.AddMemberAsync(lyon, coordinates: lyon);

        await _network.Get<ModerateHelpRequestHandler>().HandleAsync(new LockHelpRequest(ofLyon, request));

        Assert.Contains(_log.Warnings, w => w.Contains(ofLyon.ToString()) && w.Contains($"request {request}") && w.Contains("Seules les coordinatrices"));
    }

    [Fact]
    public async Task ASuspendedMemberPostingIsLogged()
    {
        var rennes = await _network.AddCoordinationAsync("Rennes");
        var member = await _network.AddMemberAsync(rennes);
        var coordinatrice = await _network.AddMemberAsync(rennes, coordinates: rennes);
        await _network.Get<SuspendMemberHandler>().HandleAsync(new SuspendMember(coordinatrice, member, 7, "Messages publicitaires répétés"));

        var refused = await _network.Get<PostHelpRequestHandler>().HandleAsync(new PostHelpRequest(
            member, "Besoin d'un conseil sur mon statut", "Je démarre mon activité et j'hésite entre deux statuts.", 1, Visibility.Network));

        Assert.False(refused.Succeeded);
        Assert.Contains(_log.Warnings, w => w.Contains(member.ToString()) && w.Contains("suspended"));
    }

    [Fact]
    public async Task ReportingHerOwnPostOrReportingTwiceIsLogged()
    {
        var rennes = await _network.AddCoordinationAsync("Rennes");
        var author = await _network.AddMemberAsync(rennes);
        var reader = await _network.AddMemberAsync(rennes);
        var request = await _network.PostAsync(author, Visibility.Network);
        var report = _network.Get<ReportContentHandler>();

        await report.HandleAsync(new ReportContent(author, request, null, ReportReason.Spam));
        await report.HandleAsync(new ReportContent(reader, request, null, ReportReason.Spam));
        await report.HandleAsync(new ReportContent(reader, request, null, ReportReason.NotKind));

        Assert.Contains(_log.Warnings, w => w.Contains(author.ToString()) && w.Contains("her own words"));
        Assert.Contains(_log.Warnings, w => w.Contains(reader.ToString()) && w.Contains("a second time"));
    }

    [Fact]
    public async Task AModerationIsLoggedOnceCommittedWithWhoAndWhatButNotTheReasonSheTyped()
    {
        var rennes = await _network.AddCoordinationAsync("Rennes");
        var request = await _network.PostAsync(await _network.AddMemberAsync(rennes), Visibility.Network);
        var coordinatrice = await _network.AddMemberAsync(rennes, coordinates: rennes);

        var hidden = await _network.Get<ModerateHelpRequestHandler>().HandleAsync(
            new HideHelpRequest(coordinatrice, request, "Coordonnées personnelles de Mme Petit publiées"));

        Assert.True(hidden.Succeeded);
        var logged = Assert.Single(_log.Lines, l => l.Contains("Moderation:"));
        Assert.Contains(coordinatrice.ToString(), logged);
        Assert.Contains($"HideRequest on Request {request}", logged);
        Assert.DoesNotContain("Petit", logged);
    }

    [Fact]
    public async Task ARefusedModerationLeavesNoModerationEventOnlyTheRefusal()
    {
        var rennes = await _network.AddCoordinationAsync("Rennes");
        var lyon = await _network.AddCoordinationAsync("Lyon");
        var request = await _network.PostAsync(await _network.AddMemberAsync(rennes), Visibility.Network);
        var ofLyon = await _network.AddMemberAsync(lyon, coordinates: lyon);

        await _network.Get<ModerateHelpRequestHandler>().HandleAsync(new HideHelpRequest(ofLyon, request, "Hors sujet pour le réseau"));

        Assert.DoesNotContain(_log.Lines, l => l.Contains("Moderation:"));
        Assert.Contains(_log.Warnings, w => w.Contains(ofLyon.ToString()));
    }
}
