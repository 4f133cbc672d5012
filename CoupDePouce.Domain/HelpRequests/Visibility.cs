namespace CoupDePouce.Domain.HelpRequests;

/// <summary>Who may read a request. Values start at 1 so that an unset value is never a valid choice.</summary>
public enum Visibility
{
    /// <summary>Members of the request's coordination only.</summary>
    Coordination = 1,

    /// <summary>Every member of the network.</summary>
    Network = 2,
}
