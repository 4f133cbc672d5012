using CoupDePouce.Domain.Common;
using CoupDePouce.Domain.HelpRequests;
using CoupDePouce.Domain.Members;

namespace CoupDePouce.Domain.Offers;

/// <summary>What a member offers: a skill, a time slot or a contact.</summary>
public enum OfferKind
{
    Skill = 1,
    TimeSlot = 2,
    Contact = 3,
}

/// <summary>« Je propose un coup de pouce »: help a member offers on a theme until a day she chose, seen by her
/// coordination only or by the whole network, exactly as a request would be.</summary>
public sealed class HelpOffer
{
    /// <summary>An offer runs at most this long.</summary>
    public const int MaxDays = 180;

    public const int DetailsMaxLength = 2000;

    private HelpOffer()
    {
        Title = string.Empty;
        Details = string.Empty;
    }

    internal HelpOffer(Guid authorId, int coordinationId, int themeId, Visibility visibility, OfferKind kind, string title, string details, DateOnly endsOn, DateTime now)
    {
        AuthorId = authorId;
        CoordinationId = coordinationId;
        ThemeId = themeId;
        Visibility = visibility;
        Kind = kind;
        Title = Text.Clean(title);
        Details = Text.Clean(details);
        EndsOn = endsOn;
        CreatedAt = now;
    }

    public long Id { get; private set; }

    public Guid AuthorId { get; private set; }

    /// <summary>Her home coordination when she offered it: a coordination-only offer never leaves it.</summary>
    public int CoordinationId { get; private set; }

    public int ThemeId { get; private set; }

    public Visibility Visibility { get; private set; }

    public OfferKind Kind { get; private set; }

    public string Title { get; private set; }

    public string Details { get; private set; }

    /// <summary>The last day it stands (network time).</summary>
    public DateOnly EndsOn { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime? WithdrawnAt { get; private set; }

    /// <summary>The requests' own rule: network-wide, or for her coordination's members, coordinatrices and admins.</summary>
    public bool IsVisibleTo(Viewer viewer) => viewer.IsSignedIn && (Visibility == Visibility.Network || viewer.BelongsTo(CoordinationId));

    public bool StandsOn(DateOnly today) => WithdrawnAt is null && EndsOn >= today;

    internal void Withdraw(Guid byMemberId, DateTime now)
    {
        if (byMemberId != AuthorId)
        {
            throw DomainRuleViolation.Forbidden(Resources.Messages.OfferNotYours);
        }

        WithdrawnAt ??= now;
    }
}

/// <summary>An asker asked an offerer for her offer on one of her requests (once per offer and request).</summary>
public sealed class OfferAsk
{
    private OfferAsk()
    {
    }

    internal OfferAsk(long offerId, long helpRequestId, DateTime now)
    {
        OfferId = offerId;
        HelpRequestId = helpRequestId;
        AskedAt = now;
    }

    public long OfferId { get; private set; }

    public long HelpRequestId { get; private set; }

    public DateTime AskedAt { get; private set; }
}
