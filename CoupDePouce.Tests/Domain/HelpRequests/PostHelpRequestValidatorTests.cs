using CoupDePouce.Domain.HelpRequests;
using CoupDePouce.Tests.Support;

namespace CoupDePouce.Tests.Domain.HelpRequests;

public sealed class PostHelpRequestValidatorTests
{
    private static readonly PostHelpRequestValidator Validator = new();

    private static PostHelpRequest Valid() => new(
        Guid.NewGuid(), "Quel statut choisir pour démarrer ?", "Je lance mon activité de graphiste et j'hésite.", 1, Visibility.Network);

    private static Dictionary<string, string> ProblemsOf(PostHelpRequest command) =>
        Validator.Validate(command).Errors.ToDictionary(e => e.PropertyName, e => e.ErrorMessage);

    [Fact]
    public void AcceptsAWellFormedRequest() => Assert.True(Validator.Validate(Valid()).IsValid);

    [Theory]
    [InlineData(null, "Donnez un titre à votre demande.")]
    [InlineData("   ", "Donnez un titre à votre demande.")]
    [InlineData("Trop cour", "Le titre doit faire au moins 10 caractères : décrivez votre besoin en une phrase.")]
    public void RejectsAMissingOrTooShortTitleWithAFrenchMessage(string? title, string message)
    {
        using var _ = CultureScope.French();
        Assert.Equal(message, ProblemsOf(Valid() with { Title = title })[nameof(PostHelpRequest.Title)]);
    }

    [Fact]
    public void RejectsATitleOverOneHundredTwentyCharacters()
    {
        using var _ = CultureScope.French();
        var problems = ProblemsOf(Valid() with { Title = new string('a', HelpRequest.TitleMaxLength + 1) });
        Assert.Equal("Le titre ne peut pas dépasser 120 caractères.", problems[nameof(PostHelpRequest.Title)]);
    }

    [Fact]
    public void AcceptsTitlesAtExactlyTheLimits()
    {
        Assert.True(Validator.Validate(Valid() with { Title = new string('a', HelpRequest.TitleMinLength) }).IsValid);
        Assert.True(Validator.Validate(Valid() with { Title = new string('a', HelpRequest.TitleMaxLength) }).IsValid);
    }

    [Fact]
    public void CountsAnEmojiAsOneCharacter()
    {
        var title = new string('a', HelpRequest.TitleMaxLength - 1) + "👩🏽‍💼";
        Assert.True(Validator.Validate(Valid() with { Title = title }).IsValid);
    }

    [Fact]
    public void IgnoresSurroundingSpacesWhenCountingTheTitle()
    {
        var problems = ProblemsOf(Valid() with { Title = "   court     " });
        Assert.Contains(nameof(PostHelpRequest.Title), problems.Keys);
    }

    [Theory]
    [InlineData("", "Expliquez votre besoin en quelques lignes.")]
    [InlineData("Trop court.", "Les détails doivent faire au moins 20 caractères, pour que les autres membres puissent vous aider.")]
    public void RejectsMissingOrTooShortDetails(string details, string message)
    {
        using var _ = CultureScope.French();
        Assert.Equal(message, ProblemsOf(Valid() with { Details = details })[nameof(PostHelpRequest.Details)]);
    }

    [Fact]
    public void RejectsDetailsOverFiveThousandCharacters()
    {
        var problems = ProblemsOf(Valid() with { Details = new string('x', HelpRequest.DetailsMaxLength + 1) });
        Assert.Equal("Les détails ne peuvent pas dépasser 5000 caractères.", problems[nameof(PostHelpRequest.Details)]);
    }

    [Fact]
    public void AsksForAThemeWhenNoneIsChosen()
    {
        using var _ = CultureScope.French();
        Assert.Equal("Choisissez une thématique.", ProblemsOf(Valid() with { ThemeId = 0 })[nameof(PostHelpRequest.ThemeId)]);
    }

    [Fact]
    public void RejectsAVisibilityThatDoesNotExist()
    {
        Assert.Contains(nameof(PostHelpRequest.Visibility), ProblemsOf(Valid() with { Visibility = (Visibility)0 }).Keys);
        Assert.Contains(nameof(PostHelpRequest.Visibility), ProblemsOf(Valid() with { Visibility = (Visibility)42 }).Keys);
    }

    [Fact]
    public void ReportsEveryProblemAtOnce()
    {
        var problems = ProblemsOf(new PostHelpRequest(Guid.NewGuid(), "", "", 0, (Visibility)0));
        Assert.Equal(
            [nameof(PostHelpRequest.Details), nameof(PostHelpRequest.ThemeId), nameof(PostHelpRequest.Title), nameof(PostHelpRequest.Visibility)],
            problems.Keys.Order());
    }

    [Fact]
    public void SpeaksEnglishWhenTheMemberChoseEnglish()
    {
        using var _ = CultureScope.English();
        Assert.Equal("Give your request a title.", ProblemsOf(Valid() with { Title = "" })[nameof(PostHelpRequest.Title)]);
    }
}
