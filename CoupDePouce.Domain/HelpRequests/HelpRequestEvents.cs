using CoupDePouce.Domain.Common;

namespace CoupDePouce.Domain.HelpRequests;

public sealed record HelpRequestPosted(HelpRequest Request, DateTime OccurredAt) : IDomainEvent;

public sealed record HelpRequestAnswered(HelpRequest Request, Answer Answer, DateTime OccurredAt) : IDomainEvent;

public sealed record HelpRequestResolved(HelpRequest Request, DateTime OccurredAt) : IDomainEvent;

public sealed record HelpRequestReopened(HelpRequest Request, DateTime OccurredAt) : IDomainEvent;

public sealed record HelpRequestClosed(HelpRequest Request, DateTime OccurredAt) : IDomainEvent;
