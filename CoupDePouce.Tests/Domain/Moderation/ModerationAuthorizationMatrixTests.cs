using CoupDePouce.Domain.Common;
using CoupDePouce.Domain.HelpRequests;
using CoupDePouce.Domain.Moderation;
using Microsoft.EntityFrameworkCore;

namespace CoupDePouce.Tests.Domain.Moderation;

/// <summary>Who may moderate what, cell by cell: every role against a request of her own coordination (only for
/// it), of another coordination (only for it) and a network request from coordination A. Only the request's
/// coordinatrices and admins may; everyone else is refused and nothing changes. A forged request id is not found,
/// whoever asks.</summary>
public sealed class ModerationAuthorizationMatrixTests : NetworkTest
{
    public enum Role { Anonymous, MemberOfA, MemberOfB, CoordinatriceOfA, CoordinatriceOfB, Admin }

    public enum Scope { CoordinationA, CoordinationB, NetworkFromA }

    public enum Action { Hide, Restore, Lock, Unlock, Pin, Unpin, ChangeTheme, CloseAsDuplicate }

    public static TheoryData<Role, Scope, Action, bool> Cells()
    {
        var cells = new TheoryData<Role, Scope, Action, bool>();
        foreach (var role in Enum.GetValues<Role>())
        {
            foreach (var scope in Enum.GetValues<Scope>())
            {
                foreach (var action in Enum.GetValues<Action>())
                {
                    var moderates = role == Role.Admin
                        || (role == Role.CoordinatriceOfA && scope is Scope.CoordinationA or Scope.NetworkFromA)
                        || (role == Role.CoordinatriceOfB && scope == Scope.CoordinationB);
                    cells.Add(role, scope, action, moderates);
                }
            }
        }

        return cells;
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task OnlyTheRequestsCoordinatricesAndAdminsMayModerateIt(Role role, Scope scope, Action action, bool allowed)
    {
        var a = await Network.AddCoordinationAsync("Rennes");
        var b = await Network.AddCoordinationAsync("Lyon");
        var author = await Network.AddMemberAsync(scope == Scope.CoordinationB ? b : a);
        var visibility = scope == Scope.NetworkFromA ? Visibility.Network : Visibility.Coordination;
        var original = await Network.PostAsync(author, visibility, "La même question, posée la veille");
        var request = await Network.PostAsync(author, visibility);
        var admin = await Network.AddMemberAsync(a, "Admin", admin: true);
        var actor = role switch
        {
            Role.Anonymous => Guid.NewGuid(),
            Role.MemberOfA => await Network.AddMemberAsync(a),
            Role.MemberOfB => await Network.AddMemberAsync(b),
            Role.CoordinatriceOfA => await Network.AddMemberAsync(a, coordinates: a),
            Role.CoordinatriceOfB => await Network.AddMemberAsync(b, coordinates: b),
            _ => admin,
        };
        var moderate = Network.Get<ModerateHelpRequestHandler>();
        // Restoring and unlocking need something to undo: an admin hid or locked it first.
        if (action == Action.Restore)
        {
            await moderate.HandleAsync(new HideHelpRequest(admin, request, "Vérification en cours"));
        }
        else if (action == Action.Unlock)
        {
            await moderate.HandleAsync(new LockHelpRequest(admin, request));
        }
        else if (action == Action.Unpin)
        {
            await moderate.HandleAsync(new PinHelpRequest(admin, request));
        }

        var otherTheme = await Network.QueryAsync(db => db.Themes.Where(t => t.Id != db.HelpRequests.Single(r => r.Id == request).ThemeId).Select(t => t.Id).FirstAsync());

        var before = State(await Network.RequestAsync(request));
        var result = await RunAsync(moderate, action, actor, request, otherTheme, original);

        Assert.Equal(allowed, result.Succeeded);
        var after = State(await Network.RequestAsync(request));
        if (allowed)
        {
            Assert.NotEqual(before, after);
        }
        else
        {
            Assert.Contains(result.Failure, new[] { FailureKind.Forbidden, FailureKind.NotFound });
            Assert.Equal(before, after);
        }

        var forged = await RunAsync(moderate, action, actor, request + 1000, otherTheme, original);
        Assert.Contains(forged.Failure, new[] { FailureKind.Forbidden, FailureKind.NotFound });
    }

    private static (bool, bool, bool, int, HelpRequestStatus) State(HelpRequest r) => (r.IsHidden, r.IsLocked, r.PinnedAt is not null, r.ThemeId, r.Status);

    private static Task<Result<bool>> RunAsync(ModerateHelpRequestHandler moderate, Action action, Guid actor, long request, int otherTheme, long original) => action switch
    {
        Action.Hide => moderate.HandleAsync(new HideHelpRequest(actor, request, "Hors charte du réseau")),
        Action.Restore => moderate.HandleAsync(new RestoreHelpRequest(actor, request)),
        Action.Lock => moderate.HandleAsync(new LockHelpRequest(actor, request)),
        Action.Unlock => moderate.HandleAsync(new LockHelpRequest(actor, request, Locked: false)),
        Action.Pin => moderate.HandleAsync(new PinHelpRequest(actor, request)),
        Action.Unpin => moderate.HandleAsync(new PinHelpRequest(actor, request, Pinned: false)),
        Action.ChangeTheme => moderate.HandleAsync(new ChangeHelpRequestTheme(actor, request, otherTheme)),
        _ => moderate.HandleAsync(new CloseAsDuplicate(actor, request, original)),
    };
}
