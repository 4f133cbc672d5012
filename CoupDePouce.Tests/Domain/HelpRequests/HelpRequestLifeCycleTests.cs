using CoupDePouce.Domain.Common;
using CoupDePouce.Domain.HelpRequests;
using CoupDePouce.Domain.Members;
using CoupDePouce.Tests.Support;

namespace CoupDePouce.Tests.Domain.HelpRequests;

/// <summary>The aggregate guards its own life cycle, whatever a page shows.</summary>
public sealed class HelpRequestLifeCycleTests
{
    private static readonly DateTime PostedAt = new(2026, 11, 2, 9, 0, 0, DateTimeKind.Utc);
    private readonly Guid _asker = Guid.NewGuid();
    private readonly Guid _helper = Guid.NewGuid();

    private HelpRequest Posted() =>
        HelpRequest.Post(_asker, 1, 1, Visibility.Network, "Quel statut choisir pour démarrer ?", "Je démarre et j'hésite entre deux statuts.", PostedAt);

    [Fact]
    public void StartsOpenAndRecordsThatItWasPosted()
    {
        var request = Posted();
        Assert.Equal(HelpRequestStatus.Open, request.Status);
        Assert.IsType<HelpRequestPosted>(Assert.Single(request.DomainEvents));
    }

    [Fact]
    public void TheAskersOwnReplyDoesNotAnswerHerRequest()
    {
        var request = Posted();
        request.AddAnswer(_asker, "Précision : mon budget est limité.", PostedAt.AddHours(1));

        Assert.Equal(HelpRequestStatus.Open, request.Status);
        Assert.Equal(0, request.AnswerCount);
        Assert.Null(request.FirstAnsweredAt);
    }

    [Fact]
    public void TheFirstAnswerBySomeoneElseMakesItAnsweredAndRecordsWhen()
    {
        var request = Posted();
        request.AddAnswer(_helper, "Regarde du côté de la CCI.", PostedAt.AddHours(5));
        request.AddAnswer(Guid.NewGuid(), "Je suis d'accord.", PostedAt.AddHours(8));

        Assert.Equal(HelpRequestStatus.Answered, request.Status);
        Assert.Equal(2, request.AnswerCount);
        Assert.Equal(PostedAt.AddHours(5), request.FirstAnsweredAt);
        Assert.Equal(5 * 3_600_000, request.FirstAnswerWaitMs);
    }

    [Fact]
    public void KeepsHowLongSheWaitedForHerFirstAnswerToTheMillisecond()
    {
        var request = Posted();
        request.AddAnswer(_asker, "Précision : mon budget est limité.", PostedAt.AddHours(1));
        Assert.Null(request.FirstAnswerWaitMs);

        request.AddAnswer(_helper, "Regarde du côté de la CCI.", PostedAt.AddDays(1).AddTicks(4_999));
        request.AddAnswer(Guid.NewGuid(), "Je suis d'accord.", PostedAt.AddDays(2));

        // 24 h and half a millisecond less a tick: the wait is whole milliseconds, the nearest one.
        Assert.Equal(86_400_000, request.FirstAnswerWaitMs);
    }

    [Fact]
    public void OnlyTheAskerCanSayAnAnswerHelpedHer()
    {
        var request = Posted();
        var answer = request.AddAnswer(_helper, "Regarde du côté de la CCI.", PostedAt.AddHours(5));

        using var _ = CultureScope.French();
        var refused = Assert.Throws<DomainRuleViolation>(() => request.MarkHelpful(_helper, answer, PostedAt.AddHours(6)));
        Assert.Equal("Seule l'autrice de la demande peut dire quelle réponse l'a aidée.", refused.Message);
        Assert.Equal(HelpRequestStatus.Answered, request.Status);
        Assert.False(answer.IsHelpful);
    }

    [Fact]
    public void MarkingAnAnswerHelpfulResolvesTheRequest()
    {
        var request = Posted();
        var answer = request.AddAnswer(_helper, "Regarde du côté de la CCI.", PostedAt.AddHours(5));

        request.MarkHelpful(_asker, answer, PostedAt.AddHours(6));

        Assert.Equal(HelpRequestStatus.Resolved, request.Status);
        Assert.True(answer.IsHelpful);
        Assert.Equal(PostedAt.AddHours(6), request.ResolvedAt);
    }

    [Fact]
    public void SheCannotMarkHerOwnReplyAsHelpful()
    {
        var request = Posted();
        var ownReply = request.AddAnswer(_asker, "J'ai trouvé toute seule.", PostedAt.AddHours(5));

        Assert.Throws<DomainRuleViolation>(() => request.MarkHelpful(_asker, ownReply, PostedAt.AddHours(6)));
        Assert.Equal(HelpRequestStatus.Open, request.Status);
    }

    [Fact]
    public void AClosedRequestTakesNoNewAnswer()
    {
        var request = Posted();
        request.Close(new Viewer(Guid.NewGuid(), 1, IsAdmin: true, new HashSet<int>()), PostedAt.AddDays(1));

        Assert.Throws<DomainRuleViolation>(() => request.AddAnswer(_helper, "Trop tard ?", PostedAt.AddDays(2)));
        Assert.Empty(request.Answers);
    }
}
