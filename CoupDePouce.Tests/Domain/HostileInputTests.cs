using CoupDePouce.Domain.Persistence;
using CoupDePouce.Domain.Common;
using CoupDePouce.Domain.HelpRequests;
using CoupDePouce.Domain.Limits;
using CoupDePouce.Domain.Moderation;
using CoupDePouce.Domain.Reports;
using CoupDePouce.Domain.Search;
using CoupDePouce.Tests.Support;
using CoupDePouce.Tests.Support.Hostile;
using Microsoft.Extensions.DependencyInjection;

namespace CoupDePouce.Tests.Domain;

/// <summary>Every hostile string of the corpus, through every use case that takes text: each is refused with a
/// message in her language (and nothing is stored), or stored exactly as she wrote it, to be shown inert. Never an
/// exception.</summary>
public abstract class HostileInputTests(DatabaseProvider provider) : IAsyncLifetime
{
    public sealed class OnSqlite() : HostileInputTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : HostileInputTests(DatabaseProvider.Postgres);

    private readonly CultureScope _culture = CultureScope.French();
    private TestNetwork _network = default!;
    private Guid _author;
    private Guid _helper;
    private Guid _coordinatrice;
    private int _rennes;

    public async Task InitializeAsync()
    {
        _network = await TestNetwork.CreateAsync(services => services.Configure<LimitOptions>(LimitOptions.Lift), provider);
        _rennes = await _network.AddCoordinationAsync("Rennes");
        _author = await _network.AddMemberAsync(_rennes, "Claire");
        _helper = await _network.AddMemberAsync(_rennes, "Sophie");
        _coordinatrice = await _network.AddMemberAsync(_rennes, "Coordinatrice", coordinates: _rennes);
    }

    public async Task DisposeAsync()
    {
        await _network.DisposeAsync();
        _culture.Dispose();
    }

    [Fact]
    public void TheCorpusHoldsAtLeast300HostileStringsOfEveryFamily()
    {
        Assert.True(HostileCorpus.All.Count >= 300, $"{HostileCorpus.All.Count} strings");
        Assert.Equal(["csv", "emoji", "markdown", "misc", "size", "sql-fts", "unicode", "xss"], HostileCorpus.All.Select(e => e.Family).Distinct().Order());
        Assert.Contains(HostileCorpus.All, e => e.Text.Contains('\0'));
        Assert.Contains(HostileCorpus.All, e => e.Text.Length >= 1024 * 1024);
        Assert.Contains(HostileCorpus.All, e => e.Text.Contains('\u202E'));
        Assert.Contains(HostileCorpus.All, e => e.Text.StartsWith("=HYPERLINK(", StringComparison.Ordinal));
    }

    [Fact]
    public async Task APostedRequestIsRefusedWithAMessageOrStoredAsWritten()
    {
        var post = _network.Get<PostHelpRequestHandler>();
        var view = _network.Get<ViewHelpRequestHandler>();
        var failures = new List<string>();
        foreach (var entry in HostileCorpus.All)
        {
            foreach (var (title, details) in new[] { (entry.Text, entry.Text), ($"Besoin d'aide : {entry.Text}", $"Voici ma question, en détail : {entry.Text}") })
            {
                var before = await _network.CountRequestsAsync();
                var posted = await post.HandleAsync(new PostHelpRequest(_author, title, details, 1, Visibility.Network));
                if (!posted.Succeeded)
                {
                    failures.AddRange(Unclear(entry, posted));
                    if (await _network.CountRequestsAsync() != before)
                    {
                        failures.Add($"{entry}: refused but stored");
                    }

                    continue;
                }

                var stored = await view.HandleAsync(new ViewHelpRequest(posted.Value, _helper));
                // Stored as UTF-8: half an emoji (a lone surrogate) can only come back as U+FFFD, like in any UTF-8 store.
                if (stored is null || stored.Title != AsUtf8(title.Trim()) || stored.Details != AsUtf8(details.Trim()))
                {
                    failures.Add($"{entry}: stored as « {stored?.Title} »");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(30)));
    }

    [Fact]
    public async Task AnAnswerAnEditAReportItsResolutionAModerationReasonAndASearchNeverThrowAndAlwaysSayWhy()
    {
        var answer = _network.Get<AnswerHelpRequestHandler>();
        var edit = _network.Get<EditHelpRequestHandler>();
        var report = _network.Get<ReportContentHandler>();
        var hide = _network.Get<ModerateHelpRequestHandler>();
        var suspend = _network.Get<SuspendMemberHandler>();
        var search = _network.Get<SearchHelpRequestsHandler>();
        var failures = new List<string>();
        foreach (var entry in HostileCorpus.All)
        {
            var target = await _network.PostAsync(_author, Visibility.Network);
            failures.AddRange(Unclear(entry, await answer.HandleAsync(new AnswerHelpRequest(_helper, target, $"Ma réponse : {entry.Text}"))));
            failures.AddRange(Unclear(entry, await answer.HandleAsync(new AnswerHelpRequest(_helper, target, entry.Text))));
            failures.AddRange(Unclear(entry, await edit.HandleAsync(new EditHelpRequest(_author, target, $"Titre modifié : {entry.Text}", $"Précision ajoutée : {entry.Text}"))));
            failures.AddRange(Unclear(entry, await report.HandleAsync(new ReportContent(_helper, target, null, ReportReason.Other, entry.Text))));
            failures.AddRange(Unclear(entry, await _network.Get<ReviewReportsHandler>().HandleAsync(new ResolveReports(_coordinatrice, target, null, entry.Text))));
            var answered = await answer.HandleAsync(new AnswerHelpRequest(_author, target, "Une précision de l'autrice, à masquer ensuite."));
            Assert.True(answered.Succeeded);
            failures.AddRange(Unclear(entry, await hide.HandleAsync(new HideAnswer(_coordinatrice, target, answered.Value, entry.Text))));
            failures.AddRange(Unclear(entry, await hide.HandleAsync(new HideHelpRequest(_coordinatrice, target, entry.Text))));
            var suspended = await _network.AddMemberAsync(_rennes);
            failures.AddRange(Unclear(entry, await suspend.HandleAsync(new SuspendMember(_coordinatrice, suspended, 1, entry.Text))));
            // A search finds what it finds (or nothing); it never fails on what she typed.
            var found = await search.HandleAsync(new SearchHelpRequests(_helper, entry.Text));
            if (found.Refusal is not null)
            {
                failures.Add($"{entry}: search refused ({found.Refusal})");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(30)));
    }

    [Fact]
    public async Task ARegistrationACoordinationItsCoordinatriceAnAnswerEditAndAMembershipMessageNeverThrowAndAlwaysSayWhy()
    {
        var admin = await _network.AddMemberAsync(_rennes, "Admin", admin: true);
        var register = _network.Get<CoupDePouce.Domain.Members.RegisterMemberHandler>();
        var coordinations = _network.Get<CoupDePouce.Domain.Coordinations.ManageCoordinationsHandler>();
        var editAnswer = _network.Get<EditAnswerHandler>();
        var decide = _network.Get<CoupDePouce.Domain.Members.DecideMembershipHandler>();
        var answer = _network.Get<AnswerHelpRequestHandler>();
        var request = await _network.PostAsync(_author, Visibility.Network);
        var renamed = await coordinations.HandleAsync(new CoupDePouce.Domain.Coordinations.CreateCoordination(admin, "Coordination à renommer", "Bretagne", "France"));
        Assert.True(renamed.Succeeded);
        var failures = new List<string>();
        var n = 0;
        foreach (var entry in HostileCorpus.All)
        {
            n++;
            failures.AddRange(Unclear(entry, await register.HandleAsync(new CoupDePouce.Domain.Members.RegisterMember(
                entry.Text, $"hostile.{n}@exemple.fr", "une phrase assez longue", _rennes, entry.Text))));
            failures.AddRange(Unclear(entry, await register.HandleAsync(new CoupDePouce.Domain.Members.RegisterMember(
                $"Membre {n}", entry.Text, "une phrase assez longue", _rennes, "Consultante"))));
            if (entry.Family is "sql-fts" or "unicode" or "size")
            {
                // As a password (each accepted one costs a hash: the families most likely to upset a hasher).
                failures.AddRange(Unclear(entry, await register.HandleAsync(new CoupDePouce.Domain.Members.RegisterMember(
                    $"Membre bis {n}", $"hostile.bis.{n}@exemple.fr", entry.Text, _rennes, "Consultante"))));
            }
            failures.AddRange(Unclear(entry, await coordinations.HandleAsync(new CoupDePouce.Domain.Coordinations.CreateCoordination(admin, entry.Text, entry.Text, "France"))));
            failures.AddRange(Unclear(entry, await coordinations.HandleAsync(new CoupDePouce.Domain.Coordinations.RenameCoordination(admin, renamed.Value, entry.Text, entry.Text, entry.Text))));
            failures.AddRange(Unclear(entry, await coordinations.HandleAsync(new CoupDePouce.Domain.Coordinations.AssignCoordinatrice(admin, renamed.Value, entry.Text))));
            var answered = await answer.HandleAsync(new AnswerHelpRequest(_helper, request, $"Première version numéro {n}, à modifier."));
            Assert.True(answered.Succeeded);
            failures.AddRange(Unclear(entry, await editAnswer.HandleAsync(new EditAnswer(_helper, request, answered.Value, entry.Text))));
            var newcomer = await _network.AddMemberAsync(_rennes, pending: true);
            failures.AddRange(Unclear(entry, await decide.HandleAsync(new CoupDePouce.Domain.Members.DecideMembership(_coordinatrice, newcomer, Approve: false, entry.Text))));
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(30)));
    }

    [Fact]
    public async Task ANameWithHalfAnEmojiIsComparedAsItIsStoredSoATakenNameIsRefusedNotACrash()
    {
        var admin = await _network.AddMemberAsync(_rennes, "Admin", admin: true);
        var coordinations = _network.Get<CoupDePouce.Domain.Coordinations.ManageCoordinationsHandler>();
        Assert.True((await coordinations.HandleAsync(new CoupDePouce.Domain.Coordinations.CreateCoordination(admin, "Brest \uD83D", "Bretagne", "France"))).Succeeded);
        var other = await coordinations.HandleAsync(new CoupDePouce.Domain.Coordinations.CreateCoordination(admin, "Quimper", "Bretagne", "France"));

        var renamed = await coordinations.HandleAsync(new CoupDePouce.Domain.Coordinations.RenameCoordination(admin, other.Value, "Brest \uDE00", "Bretagne", "France"));

        Assert.False(renamed.Succeeded);
        Assert.Equal(nameof(CoupDePouce.Domain.Coordinations.CreateCoordination.Name), Assert.Single(renamed.Problems).Field);
    }

    /// <summary>What any store keeps of a text: UTF-8 (half an emoji comes back as U+FFFD), without the NUL character,
    /// which shows nothing and which PostgreSQL refuses (<see cref="CoupDePouce.Domain.Common.Text.Clean"/>).</summary>
    private static string AsUtf8(string text) =>
        System.Text.Encoding.UTF8.GetString(System.Text.Encoding.UTF8.GetBytes(text.Replace("\0", string.Empty, StringComparison.Ordinal))).Trim();

    /// <summary>A refusal must say why, in French, in words.</summary>
    private static IEnumerable<string> Unclear<T>(HostileCorpus.Entry entry, Result<T> result) =>
        result.Succeeded || (result.Problems.Count > 0 && result.Problems.All(p => p.Message.Length > 10 && !p.Message.Contains("Exception", StringComparison.Ordinal)))
            ? []
            : [$"{entry}: refused without a clear message ({result.Failure}: {string.Join(" / ", result.Problems.Select(p => p.Message))})"];
}
