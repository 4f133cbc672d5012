using CoupDePouce.Domain.Persistence;
using Microsoft.Extensions.Localization;

namespace CoupDePouce.App.Components.Shared;

/// <summary>What she is told when an action did not go through for the server's reasons, never a raw exception: the
/// database not answering for a moment (a restart, a cut: try again, her text is kept), or anything else.</summary>
public static class Failures
{
    public static string Say(Exception exception, IStringLocalizer l) =>
        BoardDatabase.IsUnavailable(exception) ? l["Error.Unavailable"] : l["Error.Unhandled"];
}
