using CoupDePouce.Domain.Common;
using CoupDePouce.Domain.Members;
using CoupDePouce.Domain.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoupDePouce.Tests.Domain.Members;

public abstract class RegisterMemberTests(DatabaseProvider provider) : NetworkTest(provider)
{
    public sealed class OnSqlite() : RegisterMemberTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : RegisterMemberTests(DatabaseProvider.Postgres);

    private const string GoodPassword = "une phrase facile à retenir";

    private Task<Result<Guid>> RegisterAsync(RegisterMember command) =>
        Network.Get<RegisterMemberHandler>().HandleAsync(command);

    private static RegisterMember Camille(int coordinationId) =>
        new("Camille Martin", "camille@exemple.test", GoodPassword, coordinationId, "Graphiste indépendante");

    private Task<int> CountMembersAsync() => Network.QueryAsync(db => db.Members.CountAsync());

    [Fact]
    public async Task CreatesHerAccountInHerHomeCoordinationWithTheMemberRole()
    {
        var rennes = await Network.AddCoordinationAsync("Rennes");

        var result = await RegisterAsync(Camille(rennes));

        Assert.True(result.Succeeded);
        var member = await Network.QueryAsync(db => db.Members.SingleAsync(m => m.Id == result.Value));
        Assert.Equal("Camille Martin", member.DisplayName);
        Assert.Equal("Graphiste indépendante", member.Activity);
        Assert.Equal(rennes, member.HomeCoordinationId);
        Assert.True(await Network.QueryAsync(db => db.UserRoles.AnyAsync(r => r.UserId == member.Id && r.RoleId == MemberRoles.MemberRoleId)));
    }

    [Fact]
    public async Task SignsInWithTheChosenPassword()
    {
        var rennes = await Network.AddCoordinationAsync("Rennes");
        var result = await RegisterAsync(Camille(rennes));

        var users = Network.Get<UserManager<Member>>();
        var member = await users.FindByEmailAsync("CAMILLE@exemple.test");
        Assert.NotNull(member);
        Assert.True(await users.CheckPasswordAsync(member, GoodPassword));
        Assert.Equal(result.Value, member.Id);
    }

    [Fact]
    public async Task RefusesAPasswordShorterThanTwelveCharactersAndCreatesNothing()
    {
        var rennes = await Network.AddCoordinationAsync("Rennes");

        var result = await RegisterAsync(Camille(rennes) with { Password = "court123!" });

        Assert.Equal(FailureKind.Invalid, result.Failure);
        Assert.Equal(
            ["Le mot de passe doit faire au moins 12 caractères (une phrase facile à retenir fait très bien l'affaire)."],
            result.MessagesFor(nameof(RegisterMember.Password)));
        Assert.Equal(0, await CountMembersAsync());
    }

    [Fact]
    public async Task AcceptsALongPasswordWithoutDigitsOrSymbols()
    {
        var rennes = await Network.AddCoordinationAsync("Rennes");
        var result = await RegisterAsync(Camille(rennes) with { Password = "lesfleursdemai" });
        Assert.True(result.Succeeded);
    }

    [Theory]
    [InlineData("motdepasse123")]
    [InlineData("  Azertyuiop12  ")]
    [InlineData("Password1234")]
    [InlineData("123456789012")]
    [InlineData("aaaaaaaaaaaa")]
    [InlineData("abcabcabcabc")]
    [InlineData("abcdefghijkl")]
    [InlineData("Coupdepouce2026!")]
    [InlineData("2024soleil!!!!")]
    public async Task RefusesAPasswordEveryoneTriesFirstAndCreatesNothing(string password)
    {
        var rennes = await Network.AddCoordinationAsync("Rennes");

        var result = await RegisterAsync(Camille(rennes) with { Password = password });

        Assert.Equal(FailureKind.Invalid, result.Failure);
        Assert.Equal(
            ["Ce mot de passe est trop courant : il fait partie de ceux que l'on essaie en premier. Choisissez plutôt une phrase à vous."],
            result.MessagesFor(nameof(RegisterMember.Password)));
        Assert.Equal(0, await CountMembersAsync());
    }

    [Theory]
    [InlineData("ma boutique de fleurs à Rennes")]
    [InlineData("Trois chats sur le toit")]
    [InlineData("soleil de minuit sur Brest")]
    public void KeepsASentenceOfHerOwnEvenWithACommonWordInIt(string password) =>
        Assert.False(CoupDePouce.Domain.Members.Passwords.CommonPasswords.IsCommon(password));

    [Fact]
    public async Task RefusesASecondAccountWithTheSameEmail()
    {
        var rennes = await Network.AddCoordinationAsync("Rennes");
        await RegisterAsync(Camille(rennes));

        var result = await RegisterAsync(Camille(rennes) with { Email = "Camille@Exemple.test", DisplayName = "Autre Camille" });

        Assert.Equal(["Un compte existe déjà avec cette adresse e-mail."], result.MessagesFor(nameof(RegisterMember.Email)));
        Assert.Equal(1, await CountMembersAsync());
    }

    [Fact]
    public async Task RefusesAnUnknownCoordinationAndCreatesNothing()
    {
        await Network.AddCoordinationAsync("Rennes");

        var result = await RegisterAsync(Camille(4242));

        Assert.Equal(["Cette coordination n'existe pas."], result.MessagesFor(nameof(RegisterMember.HomeCoordinationId)));
        Assert.Equal(0, await CountMembersAsync());
    }

    [Theory]
    [InlineData("", nameof(RegisterMember.DisplayName), "Indiquez le nom sous lequel les autres membres vous verront.")]
    [InlineData("pas-une-adresse", nameof(RegisterMember.Email), "Cette adresse e-mail n'est pas valide.")]
    [InlineData("deux@@exemple.test", nameof(RegisterMember.Email), "Cette adresse e-mail n'est pas valide.")]
    public async Task ExplainsWhatIsWrongInFrench(string value, string field, string message)
    {
        var rennes = await Network.AddCoordinationAsync("Rennes");
        var command = field == nameof(RegisterMember.Email) ? Camille(rennes) with { Email = value } : Camille(rennes) with { DisplayName = value };

        var result = await RegisterAsync(command);

        Assert.Equal([message], result.MessagesFor(field));
        Assert.Equal(0, await CountMembersAsync());
    }

    [Fact]
    public async Task AsksForHerCoordinationAndActivity()
    {
        var result = await RegisterAsync(new RegisterMember("Camille", "camille@exemple.test", GoodPassword, null, " "));

        Assert.Equal(["Choisissez votre coordination."], result.MessagesFor(nameof(RegisterMember.HomeCoordinationId)));
        Assert.Equal(["Décrivez votre activité en une ligne."], result.MessagesFor(nameof(RegisterMember.Activity)));
    }
}
