using System.Globalization;
using CoupDePouce.App.Components.Shared;

namespace CoupDePouce.Tests.App.Components;

public sealed class PluralsTests
{
    [Theory]
    [InlineData(0, true)]
    [InlineData(1, true)]
    [InlineData(2, false)]
    [InlineData(17, false)]
    public void FrenchTakesTheSingularForZeroAndOne(long count, bool one) =>
        Assert.Equal(one, Plurals.IsOne(count, new CultureInfo("fr")));

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(2, false)]
    public void EnglishTakesTheSingularForOneOnly(long count, bool one) =>
        Assert.Equal(one, Plurals.IsOne(count, new CultureInfo("en")));
}
