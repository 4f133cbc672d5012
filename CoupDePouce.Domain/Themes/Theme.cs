namespace CoupDePouce.Domain.Themes;

/// <summary>A category of need. The slug is stable and names the theme's translated label in the UI.</summary>
public sealed class Theme
{
    public const int MaxSlugLength = 40;

    private Theme()
    {
        Slug = string.Empty;
    }

    public Theme(int id, string slug, int position)
    {
        Id = id;
        Slug = slug;
        Position = position;
    }

    public int Id { get; private set; }

    public string Slug { get; private set; }

    /// <summary>Order in lists ("autre" last).</summary>
    public int Position { get; private set; }

    /// <summary>The themes every network starts with (PRODUCT.md). Seeded by a migration.</summary>
    public static IReadOnlyList<Theme> Initial { get; } =
    [
        new(1, "juridique", 1),
        new(2, "financement", 2),
        new(3, "communication", 3),
        new(4, "comptabilite", 4),
        new(5, "commercial", 5),
        new(6, "numerique", 6),
        new(7, "developpement-personnel", 7),
        new(8, "entraide-pratique", 8),
        new(9, "autre", 99),
    ];
}

public sealed record ThemeSummary(int Id, string Slug);
