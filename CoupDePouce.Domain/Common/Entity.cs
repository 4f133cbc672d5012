namespace CoupDePouce.Domain.Common;

/// <summary>Something that happened in the network. Collected by aggregates, published after the commit.</summary>
public interface IDomainEvent
{
    DateTime OccurredAt { get; }
}

/// <summary>An aggregate root that records what happened to it until the unit of work publishes it.</summary>
public abstract class AggregateRoot
{
    private readonly List<IDomainEvent> _events = [];

    public IReadOnlyList<IDomainEvent> DomainEvents => _events;

    protected void Raise(IDomainEvent domainEvent) => _events.Add(domainEvent);

    public void ClearDomainEvents() => _events.Clear();
}
