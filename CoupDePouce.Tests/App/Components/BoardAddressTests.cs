using CoupDePouce.App.Components.Pages.Board;
using CoupDePouce.Domain.HelpRequests;

namespace CoupDePouce.Tests.App.Components;

public sealed class BoardAddressTests
{
    [Fact]
    public void PutsTheSearchAndEveryFilterInTheAddress()
    {
        var address = new BoardAddress("compta TVA", new BoardFilter(3, 4, StatusFilter.Unanswered, OnlyMyCoordination: true, OnlyMyAnswers: true));

        Assert.Equal("/?q=compta%20TVA&coordination=3&theme=4&statut=sans-reponse&portee=coordination&mes=reponses", address.ToUrl());
    }

    [Fact]
    public void ReadsBackWhatItWrote()
    {
        var parsed = BoardAddress.Parse("compta TVA", 3, 4, "sans-reponse", "coordination", "reponses");

        Assert.Equal(new BoardAddress("compta TVA", new BoardFilter(3, 4, StatusFilter.Unanswered, OnlyMyCoordination: true, OnlyMyAnswers: true)), parsed);
    }

    [Fact]
    public void IgnoresValuesItDoesNotKnow()
    {
        var parsed = BoardAddress.Parse("  ", -1, 0, "n'importe-quoi", "ailleurs", "tout");

        Assert.True(parsed.IsEmpty);
        Assert.Equal("/", parsed.ToUrl());
    }
}
